using System.Globalization;
using System.Text;
using RightsDesk.Core;
using RightsDesk.Core.Impact;

namespace RightsDesk.Web.Pages.Desk.Impact;

/// <summary>
/// The impact pages' words. The desk is in English (DeskWords.StaffFamilies), so an enum's wire name read as words
/// ("implementingInPart" → "implementing in part") says what the value means; the few that need more are spelled out.
/// </summary>
public static class ImpactText
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => value switch
    {
        MitigationStatus.Implemented => "implemented (claimed)",
        MitigationStatus.Verified => "verified (with evidence)",
        Involvement.Cause => "causes",
        Involvement.Contribute => "contributes to",
        Involvement.DirectlyLinked => "directly linked to",
        BenchmarkDirection.AtLeast => "at least",
        BenchmarkDirection.AtMost => "at most",
        _ => Words(JsonNames.Of(value)),
    };

    public static string Words(string camel)
    {
        var b = new StringBuilder();
        foreach (var c in camel)
        {
            if (char.IsUpper(c) && b.Length > 0)
            {
                b.Append(' ');
            }

            b.Append(char.ToLowerInvariant(c));
        }

        return b.ToString();
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string When(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    public static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Country(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName + " (" + code + ")";
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
