using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RightsDesk.Cli;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>
/// The exit-code contract of <c>rightsdesk ledger verify-inclusion</c> and <c>verify-consistency</c>: 0 and "valid",
/// 1 and "invalid: why", 2 and a message on standard error for malformed arguments. Run through the real command
/// tree, fed from the shared RFC 6962 vectors.
/// </summary>
public class LedgerProofCommandTests
{
    private const string MissingPrefix = "MISSING ";

    // The README tree of the vectors (eight leaves) and its proofs, in hex.
    private const string Root8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
    private const string EmptyRoot = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static TheoryData<string> Vectors()
    {
        var root = VectorDirectory;
        var data = new TheoryData<string>();
        var files = Directory.Exists(root) ? Directory.GetFiles(root, "*.json", SearchOption.AllDirectories) : [];
        if (files.Length == 0)
        {
            // Fail loudly instead of running zero cases.
            data.Add(MissingPrefix + root);
        }

        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }

    /// <summary>Every vector through the CLI: a case with a value the CLI cannot take as a 32-byte hash is
    /// malformed input (2); otherwise a wanted error is an invalid proof (1) and the rest are valid (0).</summary>
    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_gives_the_contracted_exit_code(string relativePath)
    {
        Assert.False(relativePath.StartsWith(MissingPrefix, StringComparison.Ordinal),
            $"The RFC 6962 test vectors were not found: {relativePath[MissingPrefix.Length..]}");

        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(VectorDirectory, relativePath)));
        var json = doc.RootElement;
        var proof = json.GetProperty("proof").ValueKind == JsonValueKind.Array
            ? json.GetProperty("proof").EnumerateArray().Select(p => p.GetBytesFromBase64()).ToArray()
            : [];

        string[] args;
        byte[][] hashes;
        if (relativePath.StartsWith("inclusion/", StringComparison.Ordinal))
        {
            var leaf = json.GetProperty("leafHash").GetBytesFromBase64();
            var root = json.GetProperty("root").GetBytesFromBase64();
            hashes = [leaf, root, .. proof];
            args =
            [
                "ledger", "verify-inclusion",
                "--leaf-hash", Hex(leaf),
                "--index", Number(json, "leafIdx"),
                "--size", Number(json, "treeSize"),
                "--root", Hex(root),
                "--proof", string.Join(',', proof.Select(Hex)),
            ];
        }
        else
        {
            var root1 = json.GetProperty("root1").GetBytesFromBase64();
            var root2 = json.GetProperty("root2").GetBytesFromBase64();
            hashes = [root1, root2, .. proof];
            args =
            [
                "ledger", "verify-consistency",
                "--size1", Number(json, "size1"),
                "--size2", Number(json, "size2"),
                "--root1", Hex(root1),
                "--root2", Hex(root2),
                "--proof", string.Join(',', proof.Select(Hex)),
            ];
        }

        var wantErr = json.GetProperty("wantErr").GetBoolean();
        if (proof is [{ Length: 0 }])
        {
            // A proof of one empty hash is written "", the empty proof: the comma form cannot tell them apart, so
            // the case reduces to its directory's happy path (the same call with the garbage left out).
            hashes = hashes[..2];
            wantErr = false;
            Assert.Contains("garbage", json.GetProperty("desc").GetString(), StringComparison.Ordinal);
        }

        var expected = hashes.Any(h => h.Length != 32) ? 2 : wantErr ? 1 : 0;
        var run = Run(args);
        Assert.True(expected == run.ExitCode, $"{json.GetProperty("desc").GetString()}: expected exit {expected}, got {run}");
        switch (expected)
        {
            case 0:
                Assert.Equal("valid", run.Output);
                Assert.Empty(run.Error);
                break;
            case 1:
                Assert.StartsWith("invalid: ", run.Output, StringComparison.Ordinal);
                Assert.Empty(run.Error);
                break;
            default:
                Assert.Empty(run.Output);
                Assert.StartsWith("error: --", run.Error, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void A_valid_inclusion_proof_prints_valid()
    {
        var run = Run(
            "ledger", "verify-inclusion", "--leaf-hash", "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "--index", "3", "--size", "8", "--root", Root8, "--proof",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7,"
            + "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125,"
            + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        Assert.Equal((0, "valid", ""), (run.ExitCode, run.Output, run.Error));
    }

    [Fact]
    public void An_invalid_proof_exits_1_and_says_why()
    {
        var run = Run(
            "ledger", "verify-inclusion", "--leaf-hash", "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "--index", "9", "--size", "8", "--root", Root8, "--proof", "");
        Assert.Equal((1, "invalid: index 9 is beyond tree size 8", ""), (run.ExitCode, run.Output, run.Error));

        var wrongCount = Run(
            "ledger", "verify-inclusion", "--leaf-hash", "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "--index", "3", "--size", "8", "--root", Root8, "--proof", "");
        Assert.Equal((1, "invalid: proof has 0 hashes, expected 3"), (wrongCount.ExitCode, wrongCount.Output));
    }

    [Fact]
    public void An_empty_proof_is_an_empty_string()
    {
        // A one-leaf tree's root is its leaf hash and the proof is empty (the single-entry vector).
        var leaf = "0d3aed023148ffd2a259fbd0cdc7fb3cf975658760d3775b82af6f90aacc2dfc";
        var inclusion = Run("ledger", "verify-inclusion", "--leaf-hash", leaf, "--index", "0", "--size", "1", "--root", leaf, "--proof", "");
        Assert.Equal((0, "valid"), (inclusion.ExitCode, inclusion.Output));

        var consistency = Run("ledger", "verify-consistency", "--size1", "8", "--size2", "8", "--root1", Root8, "--root2", Root8, "--proof", "");
        Assert.Equal((0, "valid"), (consistency.ExitCode, consistency.Output));

        var empty = Run("ledger", "verify-consistency", "--size1", "0", "--size2", "0", "--root1", EmptyRoot, "--root2", EmptyRoot, "--proof", "");
        Assert.Equal((0, "valid"), (empty.ExitCode, empty.Output));

        var needsHashes = Run("ledger", "verify-consistency", "--size1", "4", "--size2", "8", "--root1", Root8, "--root2", Root8, "--proof", "");
        Assert.Equal((1, "invalid: proof has 0 hashes, expected 1"), (needsHashes.ExitCode, needsHashes.Output));
    }

    [Theory]
    [InlineData("--index", "-1", "--index must not be negative; got '-1'")]
    [InlineData("--index", "x", "--index must be a whole number from 0 to 18446744073709551615; got 'x'")]
    [InlineData("--size", "18446744073709551616", "--size must be a whole number from 0 to 18446744073709551615; got '18446744073709551616'")]
    [InlineData("--root", "5dc9", "--root has 4 hex digits, expected 64 (a 32-byte SHA-256 hash)")]
    [InlineData("--root", "0x5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff46043", "--root has 'x' at position 2, which is not a hex digit")]
    [InlineData("--leaf-hash", "", "--leaf-hash is empty, expected a SHA-256 hash")]
    [InlineData("--proof", Root8 + ",", "--proof: hash 2 of 2 is empty (a doubled, leading or trailing comma?)")]
    [InlineData("--proof", Root8 + ",zz", "--proof: hash 2 of 2 has 'z' at position 1, which is not a hex digit")]
    public void Malformed_values_exit_2_with_a_message_on_stderr(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--leaf-hash"] = Root8, ["--index"] = "0", ["--size"] = "1", ["--root"] = Root8, ["--proof"] = "",
        };
        args[option] = value;
        var run = Run(["ledger", "verify-inclusion", .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("error: " + message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_value_is_reported_in_one_run()
    {
        var run = Run("ledger", "verify-consistency", "--size1", "-1", "--size2", "two", "--root1", "ab", "--root2", Root8, "--proof", "");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--size1 must not be negative", run.Error, StringComparison.Ordinal);
        Assert.Contains("--size2 must be a whole number", run.Error, StringComparison.Ordinal);
        Assert.Contains("--root1 has 2 hex digits", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--proof")]
    [InlineData("--root1")]
    [InlineData("--size2")]
    public void A_missing_option_exits_2(string missing)
    {
        var args = new Dictionary<string, string>
        {
            ["--size1"] = "8", ["--size2"] = "8", ["--root1"] = Root8, ["--root2"] = Root8, ["--proof"] = "",
        };
        args.Remove(missing);
        var run = Run(["ledger", "verify-consistency", .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("extra")]
    public void Stray_arguments_exit_2(string stray)
    {
        var run = Run("ledger", "verify-consistency", "--size1", "8", "--size2", "8", "--root1", Root8, "--root2", Root8, "--proof", "", stray);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(stray, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_option_without_a_value_exits_2_and_hints_at_the_empty_string()
    {
        var run = Run("ledger", "verify-consistency", "--size1", "8", "--size2", "8", "--root1", Root8, "--root2", Root8, "--proof");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--proof \"\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_bench_runs_and_prints_one_figure_per_line()
    {
        var run = Run("bench", "ledger", "--events", "3000");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.StartsWith("ledger bench: 3,000 events of 64 bytes", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("full verification", StringComparison.Ordinal) && l.Contains("events/s", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("inclusion proof, build", StringComparison.Ordinal));
        Assert.DoesNotContain("MISMATCH", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", run.Output, StringComparison.Ordinal);
    }

    private static string VectorDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RightsDesk.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata", "rfc6962"));
                }
            }

            throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains RightsDesk.slnx.");
        }
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Number(JsonElement json, string name) =>
        json.GetProperty(name).GetUInt64().ToString(CultureInfo.InvariantCulture);

    private static RunResult Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = CliApp.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new RunResult(exitCode, output.ToString().TrimEnd(), error.ToString().TrimEnd());
    }

    private sealed record RunResult(int ExitCode, string Output, string Error);
}
