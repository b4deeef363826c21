namespace RightsDesk.Core;

/// <summary>An ISO 3166-1 alpha-2 code, upper case. Validation lives here so no other code has to repeat it.</summary>
public readonly record struct CountryCode
{
    public string Value { get; }

    private CountryCode(string value) => Value = value;

    public static bool TryParse(string? text, out CountryCode code)
    {
        code = default;
        if (text is null || text.Length != 2 || !char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]))
        {
            return false;
        }

        var upper = text.ToUpperInvariant();
        if (!Iso3166.Alpha2.Contains(upper))
        {
            return false;
        }

        code = new CountryCode(upper);
        return true;
    }

    public static CountryCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an ISO 3166-1 alpha-2 country code.");

    public override string ToString() => Value ?? "";

    /// <summary>Every code <see cref="TryParse"/> accepts, for lists people choose a country from.</summary>
    public static IReadOnlyCollection<string> All => Iso3166.Alpha2;
}

internal static class Iso3166
{
    // Officially assigned alpha-2 codes (ISO 3166-1, 2024), plus XK (Kosovo), used by the EU and most platforms.
    public static readonly HashSet<string> Alpha2 = new(StringComparer.Ordinal)
    {
        "AD","AE","AF","AG","AI","AL","AM","AO","AQ","AR","AS","AT","AU","AW","AX","AZ","BA","BB","BD","BE","BF","BG","BH","BI",
        "BJ","BL","BM","BN","BO","BQ","BR","BS","BT","BV","BW","BY","BZ","CA","CC","CD","CF","CG","CH","CI","CK","CL","CM","CN",
        "CO","CR","CU","CV","CW","CX","CY","CZ","DE","DJ","DK","DM","DO","DZ","EC","EE","EG","EH","ER","ES","ET","FI","FJ","FK",
        "FM","FO","FR","GA","GB","GD","GE","GF","GG","GH","GI","GL","GM","GN","GP","GQ","GR","GS","GT","GU","GW","GY","HK","HM",
        "HN","HR","HT","HU","ID","IE","IL","IM","IN","IO","IQ","IR","IS","IT","JE","JM","JO","JP","KE","KG","KH","KI","KM","KN",
        "KP","KR","KW","KY","KZ","LA","LB","LC","LI","LK","LR","LS","LT","LU","LV","LY","MA","MC","MD","ME","MF","MG","MH","MK",
        "ML","MM","MN","MO","MP","MQ","MR","MS","MT","MU","MV","MW","MX","MY","MZ","NA","NC","NE","NF","NG","NI","NL","NO","NP",
        "NR","NU","NZ","OM","PA","PE","PF","PG","PH","PK","PL","PM","PN","PR","PS","PT","PW","PY","QA","RE","RO","RS","RU","RW",
        "SA","SB","SC","SD","SE","SG","SH","SI","SJ","SK","SL","SM","SN","SO","SR","SS","ST","SV","SX","SY","SZ","TC","TD","TF",
        "TG","TH","TJ","TK","TL","TM","TN","TO","TR","TT","TV","TW","TZ","UA","UG","UM","US","UY","UZ","VA","VC","VE","VG","VI",
        "VN","VU","WF","WS","YE","YT","ZA","ZM","ZW","XK",
    };
}
