namespace RightsDesk.Core.Transparency;

/// <summary>Dimension values as the files write them: the enum's name in camelCase, as the API and the ledger do.</summary>
public static class Words
{
    /// <summary>The value's word, made once per enum value (a report asks for it once per case and breakdown: a few
    /// million times over a half-year of demands).</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        Known<T>.Names.TryGetValue(value, out var word) ? word : Make(value);

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => Of(v));

    private static string Make<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static class Known<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Names = Enum.GetValues<T>().Distinct().ToDictionary(v => v, Make);
    }
}
