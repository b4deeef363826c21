namespace RightsDesk.Web.Public;

/// <summary>
/// CLDR plural categories for whole numbers in the languages the public pages ship in, so "30 days" reads right in
/// Arabic and Russian as well. A language not listed here uses "other" for every number.
/// </summary>
public static class Plural
{
    public static string Category(string language, long n)
    {
        var primary = language.Split('-')[0];
        return primary switch
        {
            "en" or "es" or "tr" or "de" or "it" or "nl" => n == 1 ? "one" : "other",
            "fr" or "fa" => n is 0 or 1 ? "one" : "other",
            "ru" or "uk" => (n % 10, n % 100) switch
            {
                (1, not 11) => "one",
                (>= 2 and <= 4, not (>= 12 and <= 14)) => "few",
                _ => "many",
            },
            "ar" => (n, n % 100) switch
            {
                (0, _) => "zero",
                (1, _) => "one",
                (2, _) => "two",
                (_, >= 3 and <= 10) => "few",
                (_, >= 11 and <= 99) => "many",
                _ => "other",
            },
            _ => "other",
        };
    }
}
