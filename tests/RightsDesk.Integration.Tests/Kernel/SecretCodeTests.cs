using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Integration.Tests.Kernel;

/// <summary>Codes people type instead of an account: strong, forgiving of how they are typed, and hard to guess at.</summary>
public sealed class SecretCodeTests
{
    private const string Purpose = "appeal";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, StoredCode> _table = new(StringComparer.Ordinal);

    // Argon2id at a test cost: the production cost is the options' default, asserted below.
    private SecretCodes NewService(int perCode = 5, int global = 1000) => new(new FieldCipher(KeyRing.Generate()), new SecretCodeOptions
    {
        MemoryKiB = 1024, Iterations = 1, AttemptsPerCode = perCode, AttemptsGlobal = global,
    }, _clock);

    private async Task<string> IssueAsync(SecretCodes codes, string purpose = Purpose)
    {
        var issued = await codes.IssueAsync(purpose);
        _table[issued.Stored.LookupKey] = issued.Stored;
        return issued.Code;
    }

    private Task<SecretCodeCheck> CheckAsync(SecretCodes codes, string typed, string purpose = Purpose) =>
        codes.VerifyAsync(purpose, typed, (key, _) => Task.FromResult(_table.GetValueOrDefault(key)), default);

    [Fact]
    public async Task An_issued_code_opens_its_record_and_the_database_never_holds_the_code()
    {
        var codes = NewService();
        var issued = await codes.IssueAsync(Purpose);
        _table[issued.Stored.LookupKey] = issued.Stored;

        Assert.Equal(SecretCodeCheck.Accepted, await CheckAsync(codes, issued.Code));
        Assert.Equal(7, issued.Code.Split(' ').Length);
        // What is stored is a keyed hash to find it by and a salted slow hash to check it with: no form of the code.
        Assert.Matches("^[0-9a-f]{64}$", issued.Stored.LookupKey);
        Assert.Equal(32, issued.Stored.Hash.Length);
        Assert.Equal(16, issued.Stored.Salt.Length);
    }

    [Fact]
    public async Task A_code_is_accepted_in_any_case_spacing_and_punctuation()
    {
        var codes = NewService();
        var code = await IssueAsync(codes);
        var words = code.Split(' ');

        foreach (var typed in new[] { code.ToUpperInvariant(), "  " + string.Join("   ", words) + "\n", string.Join("-", words), string.Join("", words), string.Join(". ", words.Select((w, i) => i % 2 == 0 ? w.ToUpperInvariant() : w)) })
        {
            Assert.Equal(codes.LookupKeyOf(Purpose, code), codes.LookupKeyOf(Purpose, typed));
            Assert.Equal(SecretCodeCheck.Accepted, await CheckAsync(codes, typed));
        }

        // Full-width letters (a phone keyboard, a pasted PDF) are the same letters after compatibility normalisation.
        Assert.Equal("abacuszoom", SecretCodes.Normalise("\uFF21\uFF22acus  Zoom"));
    }

    [Fact]
    public async Task A_wrong_or_unknown_code_is_refused_with_the_same_answer_and_codes_do_not_cross_purposes()
    {
        var codes = NewService();
        var code = await IssueAsync(codes);
        var words = code.Split(' ');
        var oneWordOff = string.Join(' ', words[..^1].Append(words[^1] == "zoom" ? "abacus" : "zoom"));

        Assert.Equal(SecretCodeCheck.Refused, await CheckAsync(codes, oneWordOff));
        Assert.Equal(SecretCodeCheck.Refused, await CheckAsync(codes, "not a code at all"));
        Assert.Equal(SecretCodeCheck.Refused, await CheckAsync(codes, ""));
        Assert.Equal(SecretCodeCheck.Refused, await CheckAsync(codes, code, purpose: "incident"));

        // A stored hash that does not match (a record found by a colliding or tampered lookup) is refused too.
        var key = codes.LookupKeyOf(Purpose, code);
        _table[key] = _table[key] with { Hash = new byte[32] };
        Assert.Equal(SecretCodeCheck.Refused, await CheckAsync(codes, code));
    }

    [Fact]
    public async Task Generated_codes_carry_about_ninety_bits_drawn_from_the_whole_list()
    {
        var list = Wordlist.Eff.Words;
        Assert.Equal(7776, list.Count);
        Assert.Equal(7776, list.Distinct(StringComparer.Ordinal).Count());
        var codes = NewService();
        Assert.True(codes.EntropyBits >= 90, $"{codes.EntropyBits:F1} bits");

        var words = new HashSet<string>(list, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var issued = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2000; i++)
        {
            var code = (await codes.IssueAsync(Purpose)).Code;
            Assert.True(issued.Add(code));
            foreach (var w in code.Split(' '))
            {
                Assert.Contains(w, words);
                seen.Add(w);
            }
        }

        // 14,000 uniform draws from 7,776 words hit about 6,490 distinct ones; a narrow or biased draw would hit far fewer.
        Assert.InRange(seen.Count, 6200, 6800);
    }

    [Fact]
    public async Task Guessing_at_one_code_or_at_all_codes_is_slowed_and_then_allowed_again()
    {
        var codes = NewService(perCode: 3);
        var code = await IssueAsync(codes);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SecretCodeCheck.Accepted, await CheckAsync(codes, code));
        }

        Assert.Equal(SecretCodeCheck.TryLater, await CheckAsync(codes, code.ToUpperInvariant()));
        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(SecretCodeCheck.Accepted, await CheckAsync(codes, code));

        var busy = NewService(global: 2);
        var other = await IssueAsync(busy);
        Assert.Equal(SecretCodeCheck.Refused, await CheckAsync(busy, "wrong guess one"));
        Assert.Equal(SecretCodeCheck.Refused, await CheckAsync(busy, "wrong guess two"));
        Assert.Equal(SecretCodeCheck.TryLater, await CheckAsync(busy, other));
    }

    [Fact]
    public void The_production_cost_is_the_default_and_secrets_are_compared_in_constant_time()
    {
        var defaults = new SecretCodeOptions();
        Assert.True(defaults.MemoryKiB >= 64 * 1024 && defaults.Iterations >= 3, "Argon2id defaults below RFC 9106's recommendation");

        var compare = typeof(SecretCodes).GetMethod("HashMatches", BindingFlags.Static | BindingFlags.NonPublic)!;
        Assert.Contains(Calls(compare), m => m.DeclaringType == typeof(CryptographicOperations) && m.Name == nameof(CryptographicOperations.FixedTimeEquals));
        Assert.DoesNotContain(Calls(compare), m => m.Name is "SequenceEqual" or "Equals");

        // VerifyAsync is a state machine: its comparison lives in MoveNext, and must go through HashMatches.
        var machine = typeof(SecretCodes).GetNestedTypes(BindingFlags.NonPublic).Single(t => t.Name.Contains("VerifyAsync", StringComparison.Ordinal));
        var moveNext = machine.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic)!;
        Assert.Contains(Calls(moveNext), m => m == compare);
        Assert.DoesNotContain(Calls(moveNext), m => m.Name == "SequenceEqual");
    }

    /// <summary>The methods a method calls, read from its IL (call and callvirt take a four-byte method token).</summary>
    private static List<MethodBase> Calls(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var found = new List<MethodBase>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            try
            {
                if (method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1)) is { } m)
                {
                    found.Add(m);
                }
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException)
            {
                // Not a method token: the byte was an operand of another instruction.
            }
        }

        return found;
    }
}
