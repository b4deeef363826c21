using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Transparency;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>Generated case sets: a few countries so rows collide, small counts so bands and suppression engage, and
/// repeated records (the same case read twice) that must still be counted once.</summary>
public static class TransparencyGen
{
    private static readonly string[] Countries = ["DE", "GB", "IN", "BR", "TR", "US", "FR"];

    public static Gen<DemandFact> Fact =>
        from id in Gen.Choose(0, 400)
        from kind in Gen.Elements(Enum.GetValues<DemandKind>())
        from day in Gen.Choose(0, 729)
        from hour in Gen.Choose(0, 23)
        from country in Gen.Elements(Countries)
        from authority in Gen.Elements(Enum.GetValues<AuthorityType>())
        from process in Gen.Elements(Enum.GetValues<LegalProcess>())
        from emergency in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from outcome in Gen.Elements(Enum.GetValues<ReportOutcome>())
        from specified in Gen.Choose(0, 6)
        from affectedShare in Gen.Choose(0, 6)
        from data in Gen.Elements(Enum.GetValues<DataScope>())
        from flags in Gen.Choose(0, 3)
        from action in Gen.Elements(Enum.GetValues<RestrictionAction>())
        from scope in Gen.Elements(Enum.GetValues<TerritorialScope>())
        from effect in Gen.Elements(Enum.GetValues<RestrictionEffect>())
        from items in Gen.Choose(0, 12)
        from decide in Gen.Choose(-1, 500)
        select new DemandFact
        {
            CaseHash = "case-" + id,
            Kind = kind,
            ReceivedAt = new DateTimeOffset(2026, 1, 1, hour, 0, 0, TimeSpan.Zero).AddDays(day % 365),
            Country = country,
            AuthorityType = authority,
            LegalProcess = process,
            Emergency = emergency,
            Outcome = outcome,
            AccountsSpecified = specified,
            AccountsAffected = Math.Min(specified, affectedShare),
            Data = data,
            MlatRouted = (flags & 1) != 0,
            ForgedOrUnverified = (flags & 2) != 0,
            OffenceCategory = country == "TR" ? "insultingOfficials" : "notListed",
            Action = action,
            Scope = scope,
            Effect = effect,
            ItemsRequested = items,
            ItemsRestricted = items / 2,
            HoursToDecide = decide < 0 ? null : decide,
            HoursToComplete = decide < 0 ? null : decide * 1.5,
        };

    /// <summary>A case set where one case id always carries the same record (as a store would), some read twice.</summary>
    public static Gen<IReadOnlyList<DemandFact>> Cases =>
        Gen.ListOf(Fact).Select(list =>
        {
            var first = list.DistinctBy(f => f.CaseHash, StringComparer.Ordinal).ToList();
            return (IReadOnlyList<DemandFact>)first.Concat(first.Take(first.Count / 5)).ToList();
        });
}
