using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Ledger;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Ledger;

/// <summary>
/// /api/v1/ledger: signed tree heads, the latest as a C2SP checkpoint, inclusion and consistency proofs and the
/// signing key, served to anyone since they carry only hashes and are meant to be published and compared; and for
/// auditors (ledgerRead) the events and issuing a head now.
/// </summary>
/// <remarks>
/// Anonymous callers are limited per address by the <see cref="PublicRateLimit"/> policy on top of the global limit:
/// a proof costs a walk of the in-memory tree, and a monitor needs a few an hour, not thousands.
/// Proofs are only given against issued tree heads: a root is worth checking against only once the ledger has
/// signed it. An auditor who needs a proof for an event newer than the latest head first issues one (POST).
/// Reading the ledger is not itself recorded in the ledger: its contents are deliberately not sensitive (codes,
/// ids, states, actors, times), and recording each page read would grow the ledger with every audit of it.
/// </remarks>
public static class LedgerApi
{
    /// <summary>The rate-limit policy of the ledger's endpoints (RateLimits:LedgerPublicPerMinute per address for
    /// anonymous callers).</summary>
    public const string PublicRateLimit = "ledger-public";
    public const int MaxPage = 1000;
    private const int DefaultPage = 100;
    private const string Cli = "./rightsdesk";

    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/ledger").WithTags("Ledger").RequireRateLimiting(PublicRateLimit);

        g.MapGet("/public-key", (KeyStore keys) =>
        {
            var key = keys.Ring.SigningKey;
            return TypedResults.Ok(new PublicKeyView(key.KeyId, "ecdsa-p256-sha256", key.PublicKeyPem, Convert.ToBase64String(key.SubjectPublicKeyInfo)));
        }).AllowAnonymous().WithSummary("The key tree heads are signed with (SubjectPublicKeyInfo) and its id, the hex SHA-256 of it.");

        g.MapGet("/tree-heads/latest", async Task<Results<Ok<TreeHeadView>, NotFound<ProblemDetails>>> (RightsDeskDbContext db, CancellationToken ct) =>
            await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct) is { } head
                ? TypedResults.Ok(TreeHeadView.Of(head))
                : NoTreeHead())
            .AllowAnonymous().WithSummary("The most recently issued signed tree head.");

        g.MapGet("/checkpoint", async Task<Results<ContentHttpResult, NotFound<ProblemDetails>, ProblemHttpResult>> (RightsDeskDbContext db, KeyStore keys, LedgerCheckpointOptions options, CancellationToken ct) =>
        {
            if (await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct) is not { } head)
            {
                return NoTreeHead();
            }

            var key = keys.Ring.SigningKey;
            return LedgerCheckpoint.Format(head, key, options.Origin(key)) is { } checkpoint
                ? TypedResults.Text(checkpoint, LedgerCheckpoint.ContentType)
                : TypedResults.Problem(
                    $"Tree head {head.Id} does not verify under this instance's signing key, so it is not published as a checkpoint. Run `rightsdesk ledger verify`.",
                    statusCode: 409, title: "The latest tree head does not verify");
        }).AllowAnonymous().Produces<string>(200, "text/plain").ProducesProblem(409)
            .WithSummary("The latest signed tree head as a C2SP tlog-checkpoint (signed note, ECDSA P-256 signature type 0x02).");

        g.MapGet("/tree-heads/{id:long}", async Task<Results<Ok<TreeHeadView>, NotFound<ProblemDetails>>> (long id, RightsDeskDbContext db, CancellationToken ct) =>
            await db.TreeHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct) is { } head
                ? TypedResults.Ok(TreeHeadView.Of(head))
                : Hosting.Problems.NotFound())
            .AllowAnonymous().WithSummary("One signed tree head.");

        g.MapGet("/tree-heads", async (RightsDeskDbContext db, CancellationToken ct, string? after = null, string? limit = null) =>
        {
            var errors = new List<FieldError>();
            var afterId = Number(after, "after", 0, long.MaxValue, errors) ?? 0;
            var take = (int)(Number(limit, "limit", 1, MaxPage, errors) ?? DefaultPage);
            Refuse(errors);
            var items = await db.TreeHeads.AsNoTracking().Where(h => h.Id > afterId).OrderBy(h => h.Id).Take(take).ToListAsync(ct);
            return TypedResults.Ok(new TreeHeadPage(items.Select(TreeHeadView.Of).ToList(), items.Count == take ? items[^1].Id : null));
        }).AllowAnonymous().WithSummary("Signed tree heads, oldest first: after (a tree head id), limit (1-1000, default 100).");

        g.MapPost("/tree-heads", async Task<Results<Created<TreeHeadView>, ProblemHttpResult>> (ClaimsPrincipal user, TreeHeadService heads, CancellationToken ct) =>
        {
            try
            {
                var issued = await heads.IssueAsync(user.Actor(), onlyIfGrown: false, ct);
                return TypedResults.Created($"/api/v1/ledger/tree-heads/{issued!.Id}", TreeHeadView.Of(issued));
            }
            catch (LedgerInconsistentException refused)
            {
                return Inconsistent(refused);
            }
        }).RequirePermission(Permission.LedgerRead).ProducesProblem(409).WithSummary("Sign and store a tree head for the ledger as it is now.");

        g.MapGet("/events", async (RightsDeskDbContext db, CancellationToken ct, string? from = null, string? limit = null) =>
        {
            var errors = new List<FieldError>();
            var start = Number(from, "from", 0, long.MaxValue, errors) ?? 0;
            var take = (int)(Number(limit, "limit", 1, MaxPage, errors) ?? DefaultPage);
            Refuse(errors);
            var size = (await db.LedgerEvents.MaxAsync(e => (long?)e.Seq, ct) ?? -1) + 1;
            var items = await db.LedgerEvents.AsNoTracking().Where(e => e.Seq >= start).OrderBy(e => e.Seq).Take(take).ToListAsync(ct);
            return TypedResults.Ok(new LedgerEventPage(items.Select(LedgerEventView.Of).ToList(), items.Count == take ? items[^1].Seq + 1 : null, size));
        }).RequirePermission(Permission.LedgerRead).WithSummary("Ledger events from seq 'from' (default 0), limit 1-1000 (default 100), with data and salt.");

        g.MapGet("/proofs/inclusion", async (RightsDeskDbContext db, LedgerTree tree, CancellationToken ct, string? index = null, string? size = null) =>
        {
            var errors = new List<FieldError>();
            var leafIndex = Number(index, "index", 0, long.MaxValue, errors, required: true);
            var treeSize = Number(size, "size", 1, long.MaxValue, errors);
            Refuse(errors);
            var head = await HeadOfSize(db, treeSize, "size", ct);
            if (leafIndex >= head.TreeSize)
            {
                Refuse([new FieldError("index", $"Event {leafIndex} is not in the tree head of size {head.TreeSize}, which holds events 0 to {head.TreeSize - 1}. " +
                    "For a newer event, issue a tree head first (POST /api/v1/ledger/tree-heads) and ask against its size.")]);
            }

            var (proof, leaf) = await tree.ReadAsync(db, t => (t.InclusionProof(leafIndex!.Value, head.TreeSize), t.LeafHash(leafIndex!.Value)), ct);
            var proofHex = proof.Select(p => HashText.ToHex(p)).ToList();
            var root = HashText.ToHex(head.RootHash);
            var command = string.Create(CultureInfo.InvariantCulture,
                $"{Cli} ledger verify-inclusion --leaf-hash {HashText.ToHex(leaf)} --index {leafIndex} --size {head.TreeSize} --root {root} --proof {ProofArgument(proof)}");
            return TypedResults.Ok(new InclusionProofView(leafIndex!.Value, head.TreeSize, HashText.ToHex(leaf), root, proofHex, TreeHeadView.Of(head), command));
        }).AllowAnonymous().ProducesProblem(409).WithSummary("Inclusion proof of event 'index' in the tree head of size 'size' (default: the latest head).");

        g.MapGet("/proofs/consistency", async (RightsDeskDbContext db, LedgerTree tree, CancellationToken ct, string? size1 = null, string? size2 = null) =>
        {
            var errors = new List<FieldError>();
            var first = Number(size1, "size1", 1, long.MaxValue, errors, required: true);
            var second = Number(size2, "size2", 1, long.MaxValue, errors);
            Refuse(errors);
            var head2 = await HeadOfSize(db, second, "size2", ct);
            if (first > head2.TreeSize)
            {
                Refuse([new FieldError("size1", $"{first} is larger than size2 ({head2.TreeSize}); size1 is the older, smaller tree head.")]);
            }

            var head1 = await HeadOfSize(db, first, "size1", ct);
            var proof = await tree.ReadAsync(db, t => t.ConsistencyProof(head1.TreeSize, head2.TreeSize), ct);
            var (root1, root2) = (HashText.ToHex(head1.RootHash), HashText.ToHex(head2.RootHash));
            var command = string.Create(CultureInfo.InvariantCulture,
                $"{Cli} ledger verify-consistency --size1 {head1.TreeSize} --size2 {head2.TreeSize} --root1 {root1} --root2 {root2} --proof {ProofArgument(proof)}");
            return TypedResults.Ok(new ConsistencyProofView(head1.TreeSize, head2.TreeSize, root1, root2, proof.Select(p => HashText.ToHex(p)).ToList(),
                TreeHeadView.Of(head1), TreeHeadView.Of(head2), command));
        }).AllowAnonymous().ProducesProblem(409).WithSummary("Consistency proof from the tree head of size 'size1' to that of 'size2' (default: the latest head).");

        return api;
    }

    /// <summary>The latest tree head of that size, or the latest of all when no size is given; refused (400)
    /// with what to do when there is none.</summary>
    private static async Task<TreeHeadRecord> HeadOfSize(RightsDeskDbContext db, long? size, string field, CancellationToken ct)
    {
        var heads = db.TreeHeads.AsNoTracking();
        var head = size is { } s
            ? await heads.Where(h => h.TreeSize == s).OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct)
            : await heads.OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);
        if (head is not null)
        {
            return head;
        }

        var latest = await heads.OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);
        var hint = latest is null
            ? "No tree head has been issued yet: issue one with POST /api/v1/ledger/tree-heads."
            : $"The latest tree head has size {latest.TreeSize}; GET /api/v1/ledger/tree-heads lists every size signed, and POST /api/v1/ledger/tree-heads signs the ledger as it is now.";
        throw new ValidationFailedException([new FieldError(field, size is null ? hint : $"No tree head of size {size} was issued; proofs are given only against signed tree heads. {hint}")]);
    }

    private static NotFound<ProblemDetails> NoTreeHead() => TypedResults.NotFound(new ProblemDetails
    {
        Status = 404,
        Title = "No tree head yet",
        Detail = "No tree head has been issued yet. One is issued every Ledger:TreeHeadInterval while the ledger grows; an auditor can issue one with POST /api/v1/ledger/tree-heads.",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
    });

    /// <summary>Signing refused: 409, naming the event and what differs (never its contents).</summary>
    public static ProblemHttpResult Inconsistent(LedgerInconsistentException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return TypedResults.Problem(refused.Message + " Nothing was signed; run `rightsdesk ledger verify` for the details.",
            statusCode: 409, title: "The stored ledger does not extend the last signed tree head");
    }

    /// <summary>A proof as the CLI's --proof takes it: comma-separated hex, or "" when empty.</summary>
    private static string ProofArgument(byte[][] proof) => proof.Length == 0 ? "\"\"" : HashText.ToHexProof(proof);

    private static long? Number(string? text, string name, long min, long max, List<FieldError> errors, bool required = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(new FieldError(name, $"Required: a whole number from {min}."));
            }

            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var shown = text.Length > 30 ? text[..30] + "…" : text;
        errors.Add(new FieldError(name, max == long.MaxValue
            ? $"A whole number from {min}; got '{shown}'."
            : $"A whole number from {min} to {max}; got '{shown}'."));
        return null;
    }

    private static void Refuse(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
