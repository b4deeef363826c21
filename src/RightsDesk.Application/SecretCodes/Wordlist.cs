using System.Security.Cryptography;
using System.Text;

namespace RightsDesk.Application.SecretCodes;

/// <summary>The EFF large diceware wordlist (see eff_large_wordlist.SOURCE.md), checked against its published hash.</summary>
public sealed class Wordlist
{
    public const string Sha256 = "addd35536511597a02fa0a9ff1e5284677b8883b83e986e43f15a3db996b903e";
    private const string Resource = "RightsDesk.Application.SecretCodes.eff_large_wordlist.txt";

    private Wordlist(IReadOnlyList<string> words) => Words = words;

    public static Wordlist Eff { get; } = Load();

    public IReadOnlyList<string> Words { get; }

    /// <summary>Bits of entropy of one word drawn uniformly.</summary>
    public double BitsPerWord => Math.Log2(Words.Count);

    private static Wordlist Load()
    {
        using var stream = typeof(Wordlist).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("The diceware wordlist is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        // A changed list would silently change what codes look like and how strong they are.
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), Sha256, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The diceware wordlist does not match the EFF's published list.");
        }

        var words = Encoding.ASCII.GetString(bytes)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.IndexOf('\t', StringComparison.Ordinal) + 1)..].Trim())
            .ToArray();
        return new Wordlist(words);
    }
}
