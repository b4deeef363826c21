namespace RightsDesk.Browser.Tests.Support;

/// <summary>Paths in the checkout the tests run from.</summary>
public static class Repo
{
    public static readonly string Root = Find();

    public static string Policy => Path.Combine(Root, "policy");

    /// <summary>artifacts/ at the repository root: test.sh and CI keep it.</summary>
    public static string Artifacts(params string[] parts) => Path.Combine([Root, "artifacts", .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RightsDesk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the checkout.");
    }
}
