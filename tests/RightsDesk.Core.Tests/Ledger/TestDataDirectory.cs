namespace RightsDesk.Core.Tests.Ledger;

/// <summary>Finds the shared RFC 6962 vectors next to the repository, wherever the test binaries run from.</summary>
internal static class TestDataDirectory
{
    public static string Rfc6962 => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "testdata", "rfc6962"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RightsDesk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains RightsDesk.slnx.");
    }
}
