using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Cli;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Integration.Tests.Fuzz;

/// <summary>
/// The exit-code contract of <c>rightsdesk ledger verify-inclusion</c> and <c>verify-consistency</c> under any
/// arguments: 0 with "valid", 1 with "invalid: …", or 2 with a message on standard error — never an exception, and
/// never a 1 that is really a crash caught by System.CommandLine's default handler (which also exits 1).
/// </summary>
public class CliProofFuzzTests
{
    private const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";
    private const string Empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly Gen<string> Hash = Gen.Frequency(
        (5, Gen.ArrayOf(Gen.Elements("0123456789abcdef".ToCharArray()), 64).Select(cs => new string(cs))),
        (2, Gen.Elements(Zero, Empty, Zero.ToUpperInvariant(), "", " ", "0x" + Zero[2..], Zero + "0", Zero[1..], "zz", "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")),
        (1, DemandGen.Text));

    private static readonly Gen<string> Number = Gen.Frequency(
        (5, Gen.Choose(0, 20).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Gen.Elements("0", "1", "-1", "+1", " 1", "1e3", "1.0", "18446744073709551615", "18446744073709551616", "9223372036854775807", "9223372036854775808", "", "٣", "0x10")),
        (1, DemandGen.Text));

    private static readonly Gen<string> Proof = Gen.Frequency(
        (4, Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Hash, n)).Select(hs => string.Join(",", hs))),
        (1, Gen.Elements("", ",", Zero + ",", "," + Zero, Zero + ",," + Zero)));

    private static Gen<string[]> Options(string[] names, Func<string, Gen<string>> valueFor) =>
        Gen.Shuffle(names).SelectMany(order => Gen.ArrayOf(Gen.Choose(0, 9), order.Length).SelectMany(shapes =>
            Gen.CollectToArray(order.Select(valueFor)).SelectMany(values => Gen.Elements("--unknown", "extra", "--help", "-h", "--", "--proof", "--size=").Select(stray =>
            {
                var args = new List<string>();
                for (var i = 0; i < order.Length; i++)
                {
                    switch (shapes[i])
                    {
                        case 0: break; // missing
                        case 1: args.Add(order[i]); break; // no value
                        case 2: args.Add($"{order[i]}={values[i]}"); break;
                        case 3: args.AddRange([order[i], values[i], order[i], values[i]]); break; // repeated
                        case 4: args.AddRange([order[i], values[i], stray]); break;
                        default: args.AddRange([order[i], values[i]]); break;
                    }
                }

                return args.ToArray();
            }))));

    private static Gen<string[]> Arguments => Gen.OneOf(
        Options(["--leaf-hash", "--index", "--size", "--root", "--proof"], name => name switch
        {
            "--leaf-hash" or "--root" => Hash,
            "--proof" => Proof,
            _ => Number,
        }).Select(a => (string[])["ledger", "verify-inclusion", .. a]),
        Options(["--size1", "--size2", "--root1", "--root2", "--proof"], name => name switch
        {
            "--root1" or "--root2" => Hash,
            "--proof" => Proof,
            _ => Number,
        }).Select(a => (string[])["ledger", "verify-consistency", .. a]));

    [Fact]
    public void Any_arguments_give_a_contracted_exit_code() => FuzzCheck.Run("ledger proof arguments", Arguments, 1200, args =>
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.RunAsync(args, output, error).GetAwaiter().GetResult();
        var said = $"exit {code}; stdout: {output}; stderr: {error}";
        Assert.DoesNotContain("Unhandled exception", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        switch (code)
        {
            case 0:
                // A valid proof, or help that was asked for.
                Assert.True(output.ToString().Trim() == "valid" || output.ToString().Contains("Usage", StringComparison.Ordinal), said);
                break;
            case 1:
                Assert.StartsWith("invalid", output.ToString(), StringComparison.Ordinal);
                break;
            case 2:
                Assert.False(string.IsNullOrWhiteSpace(error.ToString()), said);
                break;
            default:
                Assert.Fail("exit code outside the contract: " + said);
                break;
        }
    });

    [Theory]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("18446744073709551614", "18446744073709551615")]
    [InlineData("9223372036854775808", "9223372036854775809")]
    public async Task Index_and_size_at_the_top_of_the_range_are_answered(string index, string size)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(["ledger", "verify-inclusion", "--leaf-hash", Zero, "--index", index, "--size", size, "--root", Zero, "--proof", Zero], output, error);
        Assert.True(code == 1, $"exit {code}; stdout: {output}; stderr: {error}");
    }
}
