using System.Globalization;
using RightsDesk.Core;
using RightsDesk.Core.Policy;

namespace RightsDesk.Web.Pages.Desk;

/// <summary>
/// Countries to choose from by name, never typed as a code ("Germany" typed into a two-letter box once became GE,
/// Georgia): the jurisdiction profiles' names, then every other ISO 3166 code under its English name.
/// </summary>
public static class CountryChoices
{
    public sealed record Choice(string Code, string Name);

    public static IReadOnlyList<Choice> For(PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var named = policy.Profiles.Where(p => p.Country.Length == 2).ToDictionary(p => p.Country, p => p.Name, StringComparer.Ordinal);
        return CountryCode.All
            .Select(code => new Choice(code, (named.TryGetValue(code, out var name) ? name : EnglishName(code)) + " (" + code + ")"))
            .OrderBy(c => c.Name, StringComparer.InvariantCultureIgnoreCase).ToList();
    }

    private static string EnglishName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            // A code ICU does not know (XK on some systems) is listed by its code alone.
            return code;
        }
    }
}
