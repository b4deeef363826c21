using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using RightsDesk.Core.Ledger;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// <c>rightsdesk bench ledger</c>: how fast the ledger's Merkle tree appends, computes roots, builds and checks
/// proofs and re-verifies a whole ledger on this machine. Every figure is also given as a ratio to two baselines
/// measured in the same run, so numbers from different machines can be compared: raw SHA-256 of each event (the
/// floor any RFC 6962 implementation pays per entry) and a naive recursive MTH (what the RFC text does literally).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time and fills the store with seeded, reproducible data; nothing it makes is a secret or a product record.")]
public static class LedgerBench
{
    private const int EventBytes = 64;
    private const int BatchSize = 100_000;
    private const int NaiveMaxEvents = 1 << 16;
    private const int ProofSamples = 200_000;
    private const int RootSamples = 100_000;
    private const int HeadSamples = 2_000;

    public static Command Create()
    {
        var events = new Option<int>("--events")
        {
            Description = "How many 64-byte events to append and verify.",
            DefaultValueFactory = _ => 1_000_000,
        };
        var command = new Command("ledger", "Measure the ledger's Merkle tree: appends, roots, proofs and full verification.");
        command.Options.Add(events);
        command.SetAction(parseResult =>
        {
            var count = parseResult.GetValue(events);
            if (count < 2)
            {
                parseResult.InvocationConfiguration.Error.WriteLine("error: --events must be at least 2");
                return 2;
            }

            Run(count, parseResult.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static void Run(int count, TextWriter output)
    {
        var data = new byte[(long)count * EventBytes];
        new Random(6962).NextBytes(data);
        var entries = new ReadOnlyMemory<byte>[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = data.AsMemory(i * EventBytes, EventBytes);
        }

        // One small untimed pass first so that the timed passes measure optimised code, not the JIT.
        Measure(entries[..Math.Min(count, 20_000)], TextWriter.Null);

        output.WriteLine(F($"ledger bench: {count:N0} events of {EventBytes} bytes, {Environment.ProcessorCount} processors"));
        Measure(entries, output);
    }

    private static void Measure(ReadOnlyMemory<byte>[] entries, TextWriter output)
    {
        var count = entries.Length;
        var random = new Random(9162);

        var shaRate = Rate(count, () =>
        {
            Span<byte> hash = stackalloc byte[MerkleHash.Size];
            foreach (var entry in entries)
            {
                SHA256.HashData(entry.Span, hash);
            }
        });
        output.WriteLine(F($"baseline, raw SHA-256 of each event: {shaRate:N0} events/s"));

        var naiveCount = Math.Min(count, NaiveMaxEvents);
        var naiveRate = Rate(naiveCount, () => NaiveMth(entries, 0, naiveCount));
        output.WriteLine(F($"baseline, naive recursive MTH of {naiveCount:N0} events: {naiveRate:N0} events/s"));

        void Report(string what, double rate, string unit) =>
            output.WriteLine(F($"{what}: {rate:N0} {unit} ({rate / shaRate:0.00}x raw SHA-256, {rate / naiveRate:0.00}x naive MTH)"));

        var single = new MerkleTree();
        Report("append, one at a time (leaf hash + tree)", Rate(count, () =>
        {
            foreach (var entry in entries)
            {
                single.AppendEntry(entry.Span);
            }
        }), "appends/s");

        var tree = new MerkleTree();
        Report($"append, batches of {BatchSize:N0} (leaf hash + tree)", Rate(count, () =>
        {
            for (var start = 0; start < count; start += BatchSize)
            {
                tree.AppendEntries(new ArraySegment<ReadOnlyMemory<byte>>(entries, start, Math.Min(BatchSize, count - start)));
            }
        }), "appends/s");

        var root = tree.RootHash();
        var rootSizes = Samples(random, Math.Min(RootSamples, count), () => random.NextInt64(1, count + 1));
        Report("root of a past tree size", Rate(rootSizes.Length, () =>
        {
            Span<byte> hash = stackalloc byte[MerkleHash.Size];
            foreach (var size in rootSizes)
            {
                tree.RootHash(size, hash);
            }
        }), "roots/s");

        var matches = false;
        Report("full verification (rehash every event, rebuild the tree, compare the root)", Rate(count, () =>
        {
            var check = new MerkleTree();
            check.AppendEntries(entries);
            matches = check.RootHash().AsSpan().SequenceEqual(root) && single.RootHash().AsSpan().SequenceEqual(root);
        }), "events/s");
        if (!matches)
        {
            output.WriteLine("full verification: ROOT MISMATCH, the benchmark's trees disagree");
        }

        var indices = Samples(random, Math.Min(ProofSamples, count), () => random.NextInt64(0, count));
        var inclusionProofs = new byte[indices.Length][][];
        Report("inclusion proof, build", Rate(indices.Length, () =>
        {
            for (var i = 0; i < indices.Length; i++)
            {
                inclusionProofs[i] = tree.InclusionProof(indices[i], count);
            }
        }), "proofs/s");

        var leafHashes = indices.Select(tree.LeafHash).ToArray();
        var allValid = true;
        Report("inclusion proof, verify", Rate(indices.Length, () =>
        {
            for (var i = 0; i < indices.Length; i++)
            {
                allValid &= MerkleVerifier.VerifyInclusion(leafHashes[i], (ulong)indices[i], (ulong)count, inclusionProofs[i], root).IsValid;
            }
        }), "proofs/s");

        var oldSizes = Samples(random, Math.Min(RootSamples, count), () => random.NextInt64(1, count));
        var consistencyProofs = new byte[oldSizes.Length][][];
        Report("consistency proof, build", Rate(oldSizes.Length, () =>
        {
            for (var i = 0; i < oldSizes.Length; i++)
            {
                consistencyProofs[i] = tree.ConsistencyProof(oldSizes[i], count);
            }
        }), "proofs/s");

        var oldRoots = oldSizes.Select(tree.RootHash).ToArray();
        Report("consistency proof, verify", Rate(oldSizes.Length, () =>
        {
            for (var i = 0; i < oldSizes.Length; i++)
            {
                allValid &= MerkleVerifier.VerifyConsistency((ulong)oldSizes[i], (ulong)count, oldRoots[i], root, consistencyProofs[i]).IsValid;
            }
        }), "proofs/s");
        if (!allValid)
        {
            output.WriteLine("proofs: SOME PROOFS FAILED TO VERIFY");
        }

        MeasureTreeHeads(tree, output);
    }

    /// <summary>
    /// What issuing a tree head costs beyond the tree the server already keeps: the root of the current size and an
    /// ECDSA P-256 signature (storing the row is one insert). Reported as plain rates: a signature has no sensible
    /// ratio to a hash.
    /// </summary>
    private static void MeasureTreeHeads(MerkleTree tree, TextWriter output)
    {
        using var key = TreeHeadSigner.CreateKey();
        var signer = new TreeHeadSigner(key);
        var heads = new TreeHead[HeadSamples];
        var issueRate = Rate(HeadSamples, () =>
        {
            for (var i = 0; i < heads.Length; i++)
            {
                heads[i] = signer.Sign(tree.Size, tree.RootHash(), DateTimeOffset.UnixEpoch.AddSeconds(i));
            }
        });
        output.WriteLine(F($"tree head, issue (root of the current size + ECDSA P-256 signature): {issueRate:N0} heads/s ({1000 / issueRate:0.000} ms each)"));

        var allValid = true;
        var verifyRate = Rate(HeadSamples, () =>
        {
            foreach (var head in heads)
            {
                allValid &= TreeHeadSigner.Verify(head, key).IsValid;
            }
        });
        output.WriteLine(F($"tree head, verify signature: {verifyRate:N0} heads/s"));
        if (!allValid)
        {
            output.WriteLine("tree heads: SOME SIGNATURES FAILED TO VERIFY");
        }
    }

    private static double Rate(long operations, Action run)
    {
        var stopwatch = Stopwatch.StartNew();
        run();
        return operations / stopwatch.Elapsed.TotalSeconds;
    }

    private static long[] Samples(Random random, int count, Func<long> next)
    {
        var samples = new long[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = next();
        }

        return samples;
    }

    /// <summary>RFC 6962 MTH exactly as the RFC states it: recursion with a fresh array for every hash input.</summary>
    private static byte[] NaiveMth(ReadOnlyMemory<byte>[] entries, int start, int count)
    {
        if (count == 1)
        {
            return SHA256.HashData([0x00, .. entries[start].Span]);
        }

        var k = 1;
        while (k * 2 < count)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. NaiveMth(entries, start, k), .. NaiveMth(entries, start + k, count - k)]);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
