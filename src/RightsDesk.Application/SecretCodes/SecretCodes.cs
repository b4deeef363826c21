using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.SecretCodes;

/// <summary>
/// Argon2id cost. The defaults are RFC 9106's second recommended option with one lane (64 MiB, three passes): about
/// a tenth of a second here, and a copied database costs an attacker as much per guess. Lower them only in tests.
/// </summary>
public sealed class SecretCodeOptions
{
    public int Words { get; set; } = 7;
    public int MemoryKiB { get; set; } = 64 * 1024;
    public int Iterations { get; set; } = 3;
    public int Parallelism { get; set; } = 1;
    public int AttemptsPerCode { get; set; } = 5;
    public TimeSpan AttemptsPerCodeWindow { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>All lookups on this node together; bounds the memory Argon2 can be made to use.</summary>
    public int AttemptsGlobal { get; set; } = 120;
    public TimeSpan AttemptsGlobalWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>What the owning feature stores: the lookup key (indexed) and the salted slow hash. Never the code.</summary>
public sealed record StoredCode(string LookupKey, byte[] Salt, byte[] Hash);

/// <summary>A new code: shown once to the person, and the stored form to keep.</summary>
public sealed record IssuedCode(string Code, StoredCode Stored);

/// <summary>Wrong and unknown codes get the same answer; too many attempts get "try later".</summary>
public enum SecretCodeCheck { Accepted, Refused, TryLater }

/// <summary>
/// Codes people type instead of an account (appeal codes, incident receipts): seven diceware words, typed in any case
/// and spacing, found by a keyed hash (HMAC under the key ring's index key, so a copy of the database cannot test
/// guesses) and verified with a salted Argon2id hash compared in constant time.
/// </summary>
public sealed class SecretCodes
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private static readonly byte[] DummySalt = new byte[SaltBytes];
    private readonly FieldCipher _cipher;
    private readonly SecretCodeOptions _options;
    private readonly AttemptLimiter _perCode;
    private readonly AttemptLimiter _global;

    public SecretCodes(FieldCipher cipher, SecretCodeOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cipher = cipher;
        _options = options;
        _perCode = new AttemptLimiter(options.AttemptsPerCode, options.AttemptsPerCodeWindow, clock);
        _global = new AttemptLimiter(options.AttemptsGlobal, options.AttemptsGlobalWindow, clock);
    }

    /// <summary>Bits of entropy of an issued code.</summary>
    public double EntropyBits => _options.Words * Wordlist.Eff.BitsPerWord;

    /// <summary>A fresh code for one purpose ("appeal", "incident"): a code issued for one never opens another.</summary>
    public Task<IssuedCode> IssueAsync(string purpose) => IssueAsync(purpose, _options.Words);

    /// <summary>A fresh code of a given number of words, for codes that guard something else as well (a recovery code
    /// stands beside the password and the account's lockout, so fewer words are enough).</summary>
    public async Task<IssuedCode> IssueAsync(string purpose, int wordCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wordCount, 4);
        var words = Wordlist.Eff.Words;
        var code = string.Join(' ', Enumerable.Range(0, wordCount).Select(_ => words[RandomNumberGenerator.GetInt32(words.Count)]));
        var canonical = Normalise(code);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new IssuedCode(code, new StoredCode(LookupKey(purpose, canonical), salt, await HashAsync(purpose, canonical, salt)));
    }

    /// <summary>The key to find a typed code's record by; the same for any case, spacing or punctuation.</summary>
    public string LookupKeyOf(string purpose, string typed) => LookupKey(purpose, Normalise(typed));

    /// <summary>
    /// Checks a typed code. <paramref name="find"/> looks the lookup key up in the owning feature's table. An unknown
    /// code costs the same Argon2 work as a wrong one and gets the same answer.
    /// </summary>
    public async Task<SecretCodeCheck> VerifyAsync(string purpose, string typed, Func<string, CancellationToken, Task<StoredCode?>> find, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(find);
        var canonical = Normalise(typed);
        var lookup = LookupKey(purpose, canonical);
        if (!_global.TryAcquire("*") || !_perCode.TryAcquire(lookup))
        {
            return SecretCodeCheck.TryLater;
        }

        var stored = canonical.Length == 0 ? null : await find(lookup, ct);
        var expected = stored?.Hash ?? new byte[HashBytes];
        var actual = await HashAsync(purpose, canonical, stored?.Salt ?? DummySalt);
        return HashMatches(expected, actual) && stored is not null ? SecretCodeCheck.Accepted : SecretCodeCheck.Refused;
    }

    /// <summary>Letters only, lower case, after compatibility normalisation: "Abacus  ZOOM-drop down" and
    /// "abacus zoom dropdown" are one code. Joining the words loses nothing that matters: the list's words are
    /// three letters or more, and a code is compared whole.</summary>
    public static string Normalise(string typed)
    {
        var text = (typed ?? "").Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var letters = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsLetter(ch))
            {
                letters.Append(ch);
            }
        }

        return letters.ToString();
    }

    /// <summary>The one comparison of secrets: constant time, so the time taken says nothing about how close a guess was.</summary>
    internal static bool HashMatches(byte[] expected, byte[] actual) => CryptographicOperations.FixedTimeEquals(expected, actual);

    private string LookupKey(string purpose, string canonical)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return _cipher.BlindIndex("secret-code:" + purpose, canonical);
    }

    private async Task<byte[]> HashAsync(string purpose, string canonical, byte[] salt)
    {
        // Prefixed so an empty typed code (refused, but at the same cost) is still a valid Argon2 input.
        using var argon = new Argon2id(Encoding.UTF8.GetBytes("code:" + canonical))
        {
            Salt = salt,
            AssociatedData = Encoding.UTF8.GetBytes(purpose),
            MemorySize = _options.MemoryKiB,
            Iterations = _options.Iterations,
            DegreeOfParallelism = _options.Parallelism,
        };
        return await argon.GetBytesAsync(HashBytes);
    }
}
