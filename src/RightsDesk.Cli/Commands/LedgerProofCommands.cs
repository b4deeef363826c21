using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using RightsDesk.Core.Ledger;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// <c>rightsdesk ledger verify-inclusion</c> and <c>verify-consistency</c>: check a proof from the command line with
/// nothing but the numbers and hashes an auditor was given, without a database or the ledger's server.
/// </summary>
/// <remarks>
/// Exit codes are a contract for scripts: 0 and <c>valid</c> on standard output for a valid proof; 1 and
/// <c>invalid: reason</c> on standard output for a proof that does not check out; 2 and a message on standard error
/// when the arguments themselves are malformed (missing, not a number, not a 32-byte hex hash), so a script can
/// tell "the ledger lied" from "I called it wrong".
/// </remarks>
public static class LedgerProofCommands
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Malformed = 2;

    public static IEnumerable<Command> Create() => [CreateVerifyInclusion(), CreateVerifyConsistency()];

    private static Command CreateVerifyInclusion()
    {
        var leafHash = HashOption("--leaf-hash", "The entry's leaf hash, SHA-256(0x00 || entry), as 64 hex digits.");
        var index = NumberOption("--index", "The entry's position in the ledger, counting from 0.");
        var size = NumberOption("--size", "The size of the tree head the proof is against.");
        var root = HashOption("--root", "The root hash of that tree head, as 64 hex digits.");
        var proof = ProofOption();

        var command = new Command("verify-inclusion", "Check that an entry is in the ledger at a given tree head (RFC 6962 inclusion proof).");
        foreach (var option in new Option[] { leafHash, index, size, root, proof })
        {
            command.Options.Add(option);
        }

        command.Action = new ProofAction(args =>
        {
            var leafHashValue = args.Hash(leafHash);
            var indexValue = args.Number(index);
            var sizeValue = args.Number(size);
            var rootValue = args.Hash(root);
            var proofValue = args.Proof(proof);
            return args.Malformed
                ? null
                : MerkleVerifier.VerifyInclusion(leafHashValue, indexValue, sizeValue, proofValue!, rootValue);
        });
        return command;
    }

    private static Command CreateVerifyConsistency()
    {
        var size1 = NumberOption("--size1", "The size of the older tree head.");
        var size2 = NumberOption("--size2", "The size of the newer tree head.");
        var root1 = HashOption("--root1", "The root hash of the older tree head, as 64 hex digits.");
        var root2 = HashOption("--root2", "The root hash of the newer tree head, as 64 hex digits.");
        var proof = ProofOption();

        var command = new Command("verify-consistency", "Check that a newer tree head extends an older one without rewriting it (RFC 6962 consistency proof).");
        foreach (var option in new Option[] { size1, size2, root1, root2, proof })
        {
            command.Options.Add(option);
        }

        command.Action = new ProofAction(args =>
        {
            var size1Value = args.Number(size1);
            var size2Value = args.Number(size2);
            var root1Value = args.Hash(root1);
            var root2Value = args.Hash(root2);
            var proofValue = args.Proof(proof);
            return args.Malformed
                ? null
                : MerkleVerifier.VerifyConsistency(size1Value, size2Value, root1Value, root2Value, proofValue!);
        });
        return command;
    }

    private static Option<string> HashOption(string name, string description) =>
        new(name) { Description = description, Required = true };

    private static Option<string> NumberOption(string name, string description) =>
        new(name) { Description = description, Required = true };

    private static Option<string> ProofOption() => new("--proof")
    {
        Description = "The proof's hashes as 64-digit hex, separated by commas, in the order the ledger gave them; \"\" for an empty proof.",
        Required = true,
    };

    /// <summary>
    /// Runs a verification and maps it to the exit-code contract. It takes over parse errors (ClearsParseErrors) because
    /// System.CommandLine's own handler exits with 1, which the contract reserves for proofs that fail.
    /// </summary>
    private sealed class ProofAction(Func<Arguments, VerificationResult?> verify) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var args = new Arguments(parseResult);
            foreach (var parseError in parseResult.Errors)
            {
                args.Fail(parseError.Message);
            }

            // Clearing parse errors also clears the ones for stray tokens, which must not be silently ignored.
            foreach (var token in parseResult.UnmatchedTokens)
            {
                args.Fail($"unexpected argument '{token}'");
            }

            // Run even after a parse error so that one run reports every bad value, not just the first kind.
            var result = verify(args);
            if (result is null || args.Malformed)
            {
                foreach (var problem in args.Problems)
                {
                    error.WriteLine($"error: {problem}");
                }

                error.WriteLine($"See: {CommandPath(parseResult.CommandResult)} --help");
                return Malformed;
            }

            output.WriteLine(result.ToString());
            return result.IsValid ? Valid : Invalid;
        }
    }

    // Built from the parse rather than written out, because where these commands hang is up to the caller.
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult current; result = current.Parent)
        {
            names.Insert(0, current.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>Reads and checks option values, collecting every problem so one run reports all of them.</summary>
    private sealed class Arguments(ParseResult parseResult)
    {
        private readonly List<string> problems = [];

        public bool Malformed => problems.Count > 0;

        public IReadOnlyList<string> Problems => problems;

        public void Fail(string problem)
        {
            if (!problems.Contains(problem))
            {
                problems.Add(problem);
            }
        }

        public ulong Number(Option<string> option)
        {
            if (Value(option) is not { } text)
            {
                return 0;
            }

            // NumberStyles.None: digits only, so "-1", "+1", " 1" and "1e3" are all refused rather than reinterpreted.
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Fail(text.StartsWith('-')
                ? $"{option.Name} must not be negative; got '{text}'"
                : $"{option.Name} must be a whole number from 0 to {ulong.MaxValue}; got '{text}'");
            return 0;
        }

        public byte[] Hash(Option<string> option)
        {
            if (Value(option) is not { } text)
            {
                return [];
            }

            if (HashText.TryParseHash(text, HashEncoding.Hex, out var hash, out var problem))
            {
                return hash;
            }

            Fail($"{option.Name} {problem}");
            return [];
        }

        public IReadOnlyList<byte[]>? Proof(Option<string> option)
        {
            if (Value(option) is not { } text)
            {
                return null;
            }

            if (HashText.TryParseProof(text, HashEncoding.Hex, out var proof, out var problem))
            {
                return proof;
            }

            Fail($"{option.Name}: {problem}");
            return null;
        }

        /// <summary>The option's text as given, read from its token rather than through GetValue, which throws
        /// for a required option that is absent; null when absent or given without a value.</summary>
        private string? Value(Option<string> option)
        {
            var result = parseResult.GetResult(option);
            if (result is { Implicit: false, Tokens.Count: 1 })
            {
                return result.Tokens[0].Value;
            }

            // "--proof=" reaches here with no token, though the user most likely meant the empty proof.
            if (result is { Implicit: false, Tokens.Count: 0 } && option.Name == "--proof")
            {
                Fail("--proof needs a value; give --proof \"\" (a separate, empty argument) for an empty proof");
            }

            // System.CommandLine reports a required option that is missing or has no value as a parse error.
            if (parseResult.Errors.Count == 0)
            {
                Fail(option.Name == "--proof"
                    ? "--proof is required; give --proof \"\" for an empty proof"
                    : $"{option.Name} is required");
            }

            return null;
        }
    }
}
