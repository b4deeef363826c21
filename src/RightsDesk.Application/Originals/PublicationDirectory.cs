using System.Text.RegularExpressions;

namespace RightsDesk.Application.Originals;

/// <summary>
/// The directory a publication is written to holds that publication only: the top index, country directories
/// (two capital letters) with year directories of Markdown files. An earlier publication there is removed first;
/// anything else makes the run refuse, so a mistyped --out never deletes someone's files.
/// </summary>
public static partial class PublicationDirectory
{
    public static void Prepare(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
        {
            if (!IsPublication(directory, entry))
            {
                throw new InvalidOperationException($"{directory} holds {Path.GetRelativePath(directory, entry)}, which is not part of a publication of takedowns: give an empty directory or one with an earlier publication only.");
            }
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }

    private static bool IsPublication(string root, string entry)
    {
        var name = Path.GetFileName(entry);
        if (File.Exists(entry))
        {
            return name == "index.md";
        }

        return Country().IsMatch(name) && Directory.EnumerateFileSystemEntries(entry).All(year =>
            Directory.Exists(year) && Year().IsMatch(Path.GetFileName(year))
            && Directory.EnumerateFileSystemEntries(year).All(f => File.Exists(f) && f.EndsWith(".md", StringComparison.Ordinal)));
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Country();

    [GeneratedRegex("^[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Year();
}
