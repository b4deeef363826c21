using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Transparency;
using RightsDesk.Data;

namespace RightsDesk.Web.Transparency;

/// <summary>
/// The files of every published report version, for anyone: rendered from the stored version, so they are the bytes
/// whose hashes its ledger event holds. Earlier versions stay downloadable. The page links here; nothing else does.
/// </summary>
public static class TransparencyFiles
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [ReportFiles.Csv] = "text/csv; charset=utf-8",
        [ReportFiles.Json] = "application/json",
        [ReportFiles.Schema] = "application/schema+json",
        [ReportFiles.Html] = "text/html; charset=utf-8",
        [ReportOutput.DataPackage] = "application/json",
    };

    public static IReadOnlyCollection<string> Names => Types.Keys;

    public static IEndpointRouteBuilder MapTransparencyFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/transparency/files/{period}/{version:int}/{file}", async Task<IResult> (string period, int version, string file, RightsDeskDbContext db, CancellationToken ct) =>
        {
            if (!Types.TryGetValue(file, out var type))
            {
                return TypedResults.NotFound();
            }

            var record = await db.TransparencyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Period == period && r.Version == version, ct);
            if (record is null)
            {
                return TypedResults.NotFound();
            }

            var bytes = file == ReportOutput.DataPackage
                ? Encoding.UTF8.GetBytes(ReportOutput.DataPackageText(record, withPdf: false))
                : ReportFiles.Render(record)[file];
            return TypedResults.File(bytes, type, $"rightsdesk-{record.Period}-v{record.Version}-{file}");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
