using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace RightsDesk.Tests.Fuzz;

/// <summary>
/// Runs a property over generated cases with a fixed seed and count, so CI is deterministic and fast. To explore
/// further, set RIGHTSDESK_FUZZ_SEED (any number) and RIGHTSDESK_FUZZ_SCALE (a multiplier of the counts); a failure
/// prints the seed that reproduces it. This file is shared by the Core and Integration test projects.
/// </summary>
public static class FuzzCheck
{
    public const ulong DefaultSeed = 20261123;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("RIGHTSDESK_FUZZ_SEED"), out var s) ? s : DefaultSeed;

    public static int Scaled(int count) =>
        int.TryParse(Environment.GetEnvironmentVariable("RIGHTSDESK_FUZZ_SCALE"), out var k) && k > 0 ? count * k : count;

    /// <summary>Checks <paramref name="property"/> on <paramref name="count"/> cases; throws with the case and the seed on failure.</summary>
    public static void Run<T>(string name, Gen<T> gen, int count, Action<T> property)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(Scaled(count))
            .WithQuietOnSuccess(true)
            .WithName($"{name} (seed {Seed})")
            // Gamma must be odd for the generator's split-mix stream.
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Check.One(config, Prop.ForAll(Arb.From(gen), property));
    }

    /// <summary>The same deterministic cases as a list, for properties that must run asynchronously (HTTP).</summary>
    public static T[] Sample<T>(Gen<T> gen, int count, int size = 30) => Gen.Sample(gen, Scaled(count), new Rnd(Seed, 0x9E3779B97F4A7C15UL), size);
}

/// <summary>A generated input with what produced it; its text form is what a failure report shows.</summary>
public sealed record FuzzCase(string Kind, byte[] Bytes)
{
    public override string ToString()
    {
        var text = System.Text.Encoding.UTF8.GetString(Bytes);
        var preview = text.Length <= 300 ? text : text[..300] + $"… ({Bytes.Length} bytes)";
        return $"{Kind}: {System.Text.Json.JsonSerializer.Serialize(preview)}";
    }
}
