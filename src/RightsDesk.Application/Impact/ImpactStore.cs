using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Data;
using RightsDesk.Data.Impact;

namespace RightsDesk.Application.Impact;

/// <summary>What the impact use cases share: the policy's impact rules, loading an assessment, JSON and hashing.</summary>
public sealed class ImpactStore(RightsDeskDbContext db, PolicyProvider policy)
{
    public RightsDeskDbContext Db => db;

    /// <exception cref="WorkflowException">when the policy has no impact.json: no risk could name a right.</exception>
    public ImpactPolicy Rules => policy.Current.Impact
        ?? throw new WorkflowException("The policy has no impact.json (rights catalogue and severity rule), so no impact assessment can be kept.");

    public string PolicyVersion => policy.Current.Version;

    public Task<ImpactAssessmentRecord?> FindAsync(Guid id, CancellationToken ct) => db.ImpactAssessments.FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The desk account behind a user name, as the kernel's actor (compared by id).</summary>
    public async Task<Actor?> AccountAsync(string userName, CancellationToken ct)
    {
        var normalised = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalised).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
        return user is null ? null : Actor.Person(user.Id, user.UserName!);
    }

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonNames.Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonNames.Options)!;

    /// <summary>Free text goes to the ledger as this hash only.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Risk ids must belong to the assessment; each stranger is refused by its index.</summary>
    public async Task EnsureRisksAsync(Guid assessment, IReadOnlyList<Guid> risks, string field, CancellationToken ct)
    {
        var known = await db.ImpactRisks.Where(r => r.AssessmentId == assessment).Select(r => r.Id).ToListAsync(ct);
        var errors = risks.Select((r, i) => (r, i)).Where(x => !known.Contains(x.r))
            .Select(x => new FieldError($"{field}[{x.i}]", "Not a risk of this assessment.")).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
