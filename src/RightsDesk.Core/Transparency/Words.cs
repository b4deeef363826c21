namespace RightsDesk.Core.Transparency;

/// <summary>Dimension values as the files write them: the enum's name in camelCase, as the API and the ledger do.</summary>
public static class Words
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => Of(v));
}
