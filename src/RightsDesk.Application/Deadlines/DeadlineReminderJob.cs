using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Deadlines;

namespace RightsDesk.Application.Deadlines;

/// <summary>One reminder owed to one person in this run.</summary>
public sealed record Reminder(DeadlineRecord Deadline, int Step, ReminderStep Rule);

/// <summary>
/// Sends deadline reminders to staff through the outbox, escalating one step of the ladder at a time. Each step is
/// sent once (the deadline remembers how far it got); if the job was down while several steps fell due, only the
/// latest is sent, since "three days left" is false by then. A person owed several reminders in one run gets one
/// digest instead of several mails. The reminder and the step's advance commit together.
/// </summary>
public sealed class DeadlineReminderJob(
    RightsDeskDbContext db,
    IOutbox outbox,
    DeadlineOptions options,
    TimeProvider clock,
    ILogger<DeadlineReminderJob> log,
    IEnumerable<IDeadlineLadder> ladders)
{
    private readonly IDeadlineLadder[] _ladders = [.. ladders];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now + options.Policies.Values.Append(DeadlinePolicy.Default).Select(p => p.Horizon).Concat(_ladders.Select(l => l.Horizon)).Max();
        var open = await db.Deadlines.Where(d => d.MetAt == null && d.DueAt <= horizon)
            .OrderBy(d => d.DueAt).Take(options.BatchSize).ToListAsync(ct);

        var owed = new List<Reminder>();
        foreach (var d in open)
        {
            var policy = _ladders.Select(l => l.LadderOf(d.CaseKind, d.Step)).FirstOrDefault(p => p is not null) ?? options.For(d.CaseKind);
            if (policy.Quiet is { } quiet && quiet.Contains(now))
            {
                continue;
            }

            var due = policy.StepsDue(d.DueAt, now);
            if (due > d.RemindersSent)
            {
                owed.Add(new Reminder(d, due, policy.Steps[due - 1]));
                d.RemindersSent = due;
                d.LastReminderAt = now;
            }
        }

        if (owed.Count == 0)
        {
            return 0;
        }

        var leads = await HoldersOfAsync(Roles.HumanRightsLead, ct);
        var nextLevel = owed.Any(r => r.Rule.Audience == ReminderAudience.NextLevel) ? await HoldersOfAsync(Roles.Admin, ct) : [];
        var assignees = await AssigneesAsync(owed.Select(r => r.Deadline.Assignee).OfType<string>().Distinct().ToList(), ct);
        var byPerson = new Dictionary<string, (DeskUser Person, List<Reminder> Items)>(StringComparer.Ordinal);
        foreach (var r in owed)
        {
            // A step for the assignee of an unassigned case (or one whose account is gone) goes to the lead instead.
            // The level above the lead falls back to the lead where no administrator has an address.
            var to = r.Rule.Audience == ReminderAudience.Assignee && r.Deadline.Assignee is { } a && assignees.TryGetValue(a, out var person)
                ? [person] : r.Rule.Audience == ReminderAudience.NextLevel && nextLevel.Count > 0 ? nextLevel : leads;
            if (to.Count == 0)
            {
                log.LogWarning("Deadline {DeadlineId} step {Step} has nobody to remind: no active human rights lead with an e-mail address", r.Deadline.Id, r.Step);
            }

            foreach (var p in to)
            {
                if (!byPerson.TryGetValue(p.Id, out var entry))
                {
                    byPerson[p.Id] = entry = (p, []);
                }

                entry.Items.Add(r);
            }
        }

        foreach (var (person, items) in byPerson.Values)
        {
            await outbox.EnqueueAsync(items.Count == 1 ? Alert(person, items[0], now) : Digest(person, items, now), ct);
        }

        await db.SaveChangesAsync(ct);
        return byPerson.Count;
    }

    private OutboxMessage Alert(DeskUser person, Reminder r, DateTimeOffset now) =>
        OutboxMessage.Email(OutboxTopics.DeadlineAlert, $"deadline-alert:{r.Deadline.Id:N}:{r.Step}:{person.Id}",
            new EmailPayload(person.Email!, Headline(r, now), Line(r, now) + "\n")) with
        {
            CorrelationId = r.Deadline.CaseId.ToString(), SubjectId = r.Deadline.Id.ToString(),
        };

    private OutboxMessage Digest(DeskUser person, List<Reminder> items, DateTimeOffset now)
    {
        // The same reminders make the same key, so a retried run cannot queue a second digest of them.
        var set = string.Join(",", items.Select(r => $"{r.Deadline.Id:N}:{r.Step}").Order(StringComparer.Ordinal));
        var key = $"deadline-digest:{person.Id}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(set)), 0, 12)}";
        var overdue = items.Count(r => r.Rule.Overdue);
        var body = new StringBuilder();
        foreach (var r in items.OrderBy(r => r.Deadline.DueAt))
        {
            body.Append("- ").Append(Line(r, now)).Append('\n');
        }

        var subject = overdue > 0
            ? $"RightsDesk: {items.Count} deadlines need attention, {overdue} overdue"
            : $"RightsDesk: {items.Count} deadlines coming up";
        return OutboxMessage.Email(OutboxTopics.DeadlineAlert, key, new EmailPayload(person.Email!, subject, body.ToString()));
    }

    /// <summary>Names the case by kind and reference only: staff mail passes through relays and inboxes that must
    /// not learn what a case is about.</summary>
    private static string Headline(Reminder r, DateTimeOffset now) => r.Rule.Overdue
        ? $"RightsDesk: overdue, {Reference(r.Deadline)}"
        : $"RightsDesk: {Remaining(r.Deadline.DueAt - now)} left, {Reference(r.Deadline)}";

    private string Line(Reminder r, DateTimeOffset now)
    {
        var d = r.Deadline;
        var when = d.DueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var state = r.Rule.Overdue ? $"was due {when} (overdue)" : $"is due {when} ({Remaining(d.DueAt - now)} left)";
        var link = Link(d) is { } l ? ": " + l : "";
        return $"The {d.Step} deadline of {Reference(d)} {state}{link}";
    }

    private static string Reference(DeadlineRecord d) => $"{d.CaseKind.ToString().ToLowerInvariant()} {d.CaseId}";

    private static string Remaining(TimeSpan left) => left <= TimeSpan.Zero ? "no time"
        : left.TotalHours >= 72 ? $"{(int)left.TotalDays} days"
        : left.TotalHours >= 1 ? $"{(int)left.TotalHours} hours"
        : $"{Math.Max(1, (int)left.TotalMinutes)} minutes";

    private string? Link(DeadlineRecord d)
    {
        if (options.PublicBaseUrl is not { } root)
        {
            return null;
        }

        var path = d.CaseKind switch
        {
            CaseKind.Demand => $"desk/demands/{d.CaseId}",
            CaseKind.Appeal => $"desk/appeals/{d.CaseId}",
            CaseKind.Incident => $"desk/incidents/{d.CaseId}",
            _ => null,
        };
        return path is null ? null : new Uri(new Uri(root.ToString().TrimEnd('/') + "/"), path).ToString();
    }

    private async Task<List<DeskUser>> HoldersOfAsync(string roleName, CancellationToken ct)
    {
        var role = roleName.ToUpperInvariant();
        return await db.Users
            .Where(u => !u.Disabled && u.Kind == AccountKind.Staff && u.Email != null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(x => x.Id == ur.RoleId && x.NormalizedName == role)))
            .OrderBy(u => u.Id).ToListAsync(ct);
    }

    private async Task<Dictionary<string, DeskUser>> AssigneesAsync(List<string> names, CancellationToken ct) =>
        (await db.Users.Where(u => u.UserName != null && names.Contains(u.UserName) && !u.Disabled && u.Kind == AccountKind.Staff && u.Email != null).ToListAsync(ct))
            .ToDictionary(u => u.UserName!, StringComparer.Ordinal);
}
