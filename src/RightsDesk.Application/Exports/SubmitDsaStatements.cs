using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Exports;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Exports;

/// <summary>How a submission run went. <see cref="Pending"/> statements wait for the next run (retries ran out).</summary>
public sealed record DsaSubmissionSummary(int Total, int Submitted, int AlreadyThere, int Refused, int Confirmed, int Unconfirmed, int Pending, int Retries)
{
    public bool Complete => Pending == 0;
}

/// <summary>Progress as the run goes: statements dealt with of all in the batches, and what it is doing.</summary>
public sealed record DsaSubmissionProgress(int Done, int Total, string Step);

/// <param name="FirstRetryDelay">the wait before the first retry, doubled for each further one.</param>
/// <param name="MaxAttempts">calls per batch before the run stops and leaves it for the next.</param>
public sealed record DsaSubmissionOptions(TimeSpan FirstRetryDelay, int MaxAttempts)
{
    public static readonly DsaSubmissionOptions Default = new(TimeSpan.FromSeconds(1), 8);

    /// <summary>A longer Retry-After than this is not waited out: the run stops and resumes later.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Sends the batch files an export wrote to the Transparency Database, keeping a local ledger of every puid sent
/// (<see cref="DsaSubmissionRecord"/>) so that a run can stop anywhere and the next one resumes without sending a
/// puid twice: a statement is marked as being sent before its call, and one found so marked is looked up first
/// (existing-puid) and sent only when the database does not have it. 429 and 5xx answers, and calls without an
/// answer, are retried with exponential backoff (at least what Retry-After asks). The database's answers are kept
/// per statement; what it took is confirmed at the end with the existing-puid lookup.
/// </summary>
public sealed class SubmitDsaStatements(RightsDeskDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<DsaSubmissionSummary> RunAsync(string directory, Uri baseUrl, TransparencyDatabaseClient client, DsaSubmissionOptions options,
        Actor actor, IProgress<DsaSubmissionProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = Endpoint(baseUrl);
        var files = BatchFile.In(directory);
        var batches = files.Select(BatchFile.Read).ToList();
        var total = batches.Sum(b => b.Count);
        var run = new Run(total);
        var stopped = false;
        foreach (var batch in batches)
        {
            if (!await SendBatchAsync(batch, endpoint, client, options, run, progress, ct))
            {
                stopped = true;
                break;
            }
        }

        progress?.Report(new DsaSubmissionProgress(run.Done, total, "confirming"));
        var all = batches.SelectMany(b => b).Select(Puid).ToList();
        var (confirmed, unconfirmed) = await ConfirmAsync(all, endpoint, client, ct);
        var pending = await db.DsaSubmissions.CountAsync(r => r.Endpoint == endpoint && r.State == DsaSubmissionState.Sending, ct);
        pending += stopped ? total - run.Done - pending : 0;
        var summary = new DsaSubmissionSummary(total, run.Submitted, run.AlreadyThere, run.Refused, confirmed, unconfirmed, Math.Max(pending, 0), run.Retries);
        ledger.Record(new DsaSubmissionCompleted(baseUrl.Authority, summary.Submitted, summary.AlreadyThere, summary.Refused, summary.Confirmed,
            summary.Pending, summary.Complete), actor, "dsa-submission");
        await ledger.SaveAsync(ct);
        return summary;
    }

    /// <summary>The database statements are sent to, without any query or credentials: what the local ledger is kept per.</summary>
    public static string Endpoint(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/');
    }

    private sealed class Run(int total)
    {
        public int Total { get; } = total;
        public int Done { get; set; }
        public int Submitted { get; set; }
        public int AlreadyThere { get; set; }
        public int Refused { get; set; }
        public int Retries { get; set; }
    }

    /// <returns>false when retries ran out and the run should stop.</returns>
    private async Task<bool> SendBatchAsync(IReadOnlyList<JsonObject> batch, string endpoint, TransparencyDatabaseClient client, DsaSubmissionOptions options,
        Run run, IProgress<DsaSubmissionProgress>? progress, CancellationToken ct)
    {
        var puids = batch.Select(Puid).ToList();
        var rows = await db.DsaSubmissions.Where(r => r.Endpoint == endpoint && puids.Contains(r.Puid)).ToDictionaryAsync(r => r.Puid, StringComparer.Ordinal, ct);
        var toSend = new List<JsonObject>();
        foreach (var s in batch)
        {
            var row = rows.GetValueOrDefault(Puid(s));
            if (row?.State == DsaSubmissionState.Accepted)
            {
                run.Done++;
            }
            else if (row?.State == DsaSubmissionState.Sending && await client.ExistsAsync(row.Puid, ct) == true)
            {
                // An earlier run's call arrived but its answer did not: the database has it, so it is not sent again.
                Accept(row, null);
                run.AlreadyThere++;
                run.Done++;
            }
            else
            {
                toSend.Add(s);
            }
        }

        await db.SaveChangesAsync(ct);
        var attempt = 0;
        while (toSend.Count > 0)
        {
            progress?.Report(new DsaSubmissionProgress(run.Done, run.Total, "sending"));
            var now = clock.GetUtcNow();
            foreach (var s in toSend)
            {
                var row = rows.GetValueOrDefault(Puid(s));
                if (row is null)
                {
                    row = new DsaSubmissionRecord { Puid = Puid(s), Endpoint = endpoint, FirstSentAt = now };
                    rows[row.Puid] = row;
                    db.DsaSubmissions.Add(row);
                }

                row.State = DsaSubmissionState.Sending;
                row.Attempts++;
            }

            // Written before the call: if this process dies during it, the next run knows to ask first.
            await db.SaveChangesAsync(ct);
            var answer = await client.PostAsync(toSend, ct);
            foreach (var s in toSend)
            {
                rows[Puid(s)].LastStatus = (int)answer.Status;
            }

            if (answer.Retry)
            {
                if (++attempt >= options.MaxAttempts || answer.RetryAfter > DsaSubmissionOptions.LongestWait)
                {
                    await db.SaveChangesAsync(ct);
                    return false;
                }

                run.Retries++;
                var backoff = options.FirstRetryDelay * Math.Pow(2, attempt - 1);
                await Task.Delay(answer.RetryAfter is { } after && after > backoff ? after : backoff, clock, ct);
                continue;
            }

            if (answer.Status == HttpStatusCode.Created)
            {
                foreach (var s in toSend)
                {
                    Accept(rows[Puid(s)], answer.Created.GetValueOrDefault(Puid(s)));
                }

                run.Submitted += toSend.Count;
                run.Done += toSend.Count;
                toSend.Clear();
            }
            else if (answer.Status == HttpStatusCode.UnprocessableEntity && (answer.Existing.Count > 0 || answer.Refused.Count > 0))
            {
                // All or nothing: nothing of this call was stored. Take out what it already had and what it refuses,
                // and send the rest again.
                var existing = answer.Existing.ToHashSet(StringComparer.Ordinal);
                var keep = new List<JsonObject>();
                for (var i = 0; i < toSend.Count; i++)
                {
                    var row = rows[Puid(toSend[i])];
                    if (existing.Contains(row.Puid))
                    {
                        Accept(row, null);
                        run.AlreadyThere++;
                        run.Done++;
                    }
                    else if (answer.Refused.TryGetValue(i, out var errors))
                    {
                        Refuse(row, errors);
                        run.Refused++;
                        run.Done++;
                    }
                    else
                    {
                        keep.Add(toSend[i]);
                    }
                }

                toSend = keep;
            }
            else if (answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                await db.SaveChangesAsync(ct);
                throw new InvalidOperationException($"The Transparency Database refused the token ({(int)answer.Status}): check the token file.");
            }
            else
            {
                // Refused as a whole for a reason no statement carries: kept on each, so it can be read and fixed.
                foreach (var s in toSend)
                {
                    Refuse(rows[Puid(s)], answer.Message ?? $"HTTP {(int)answer.Status}");
                }

                run.Refused += toSend.Count;
                run.Done += toSend.Count;
                toSend.Clear();
            }

            await db.SaveChangesAsync(ct);
        }

        progress?.Report(new DsaSubmissionProgress(run.Done, run.Total, "sending"));
        return true;
    }

    private async Task<(int Confirmed, int Unconfirmed)> ConfirmAsync(IReadOnlyList<string> puids, string endpoint, TransparencyDatabaseClient client, CancellationToken ct)
    {
        var (confirmed, unconfirmed) = (0, 0);
        foreach (var chunk in puids.Chunk(500))
        {
            var rows = await db.DsaSubmissions.Where(r => r.Endpoint == endpoint && chunk.Contains(r.Puid) && r.State == DsaSubmissionState.Accepted).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (row.ConfirmedAt is null && await client.ExistsAsync(row.Puid, ct) == true)
                {
                    row.ConfirmedAt = clock.GetUtcNow();
                }

                if (row.ConfirmedAt is null)
                {
                    unconfirmed++;
                }
                else
                {
                    confirmed++;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        return (confirmed, unconfirmed);
    }

    private void Accept(DsaSubmissionRecord row, string? uuid)
    {
        row.State = DsaSubmissionState.Accepted;
        row.Uuid = uuid ?? row.Uuid;
        row.AcceptedAt ??= clock.GetUtcNow();
        row.Errors = null;
    }

    private static void Refuse(DsaSubmissionRecord row, string errors)
    {
        row.State = DsaSubmissionState.Refused;
        row.Errors = errors.Length > 4000 ? errors[..4000] : errors;
    }

    private static string Puid(JsonObject statement) => statement["puid"]?.GetValue<string>() ?? throw new InvalidOperationException("A statement in the batch has no puid.");
}
