using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>A transparency report can count demands from the ledger alone: the demand's events carry its kind,
/// country, authority type, legal process and day received, and nothing that names a person.</summary>
public abstract class LedgerReportDimensionsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task A_new_demand_s_events_carry_what_a_report_counts_and_no_target()
    {
        var id = await CreateActivity(app);

        List<string> events = [];
        await app.InScope(async sp => events = await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking()
            .Where(e => e.SubjectId == id && (e.Code == (int)LedgerEventCode.DemandCreated || e.Code == (int)LedgerEventCode.DemandAssessed))
            .Select(e => e.Data).ToListAsync());

        Assert.Equal(2, events.Count);
        foreach (var data in events)
        {
            var fields = JsonDocument.Parse(data).RootElement.GetProperty("fields");
            Assert.Equal("userData", fields.GetProperty("kind").GetString());
            Assert.Equal("US", fields.GetProperty("country").GetString());
            Assert.Equal("searchWarrant", fields.GetProperty("legalProcess").GetString());
            Assert.Equal("lawEnforcement", fields.GetProperty("authorityType").GetString());
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", fields.GetProperty("receivedOn").GetString()!);
            Assert.DoesNotContain("acct-ledger-", data, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteLedgerReportDimensionsTests(SqliteDeskApp app) : LedgerReportDimensionsTests<SqliteDeskApp>(app);

public sealed class PostgresLedgerReportDimensionsTests(PostgresDeskApp app) : LedgerReportDimensionsTests<PostgresDeskApp>(app);
