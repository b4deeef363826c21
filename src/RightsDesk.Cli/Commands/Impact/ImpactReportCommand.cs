using System.CommandLine;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Impact;
using RightsDesk.Application.Letters;
using RightsDesk.Cli.Commands.Transparency;
using RightsDesk.Web.Impact;

namespace RightsDesk.Cli.Commands.Impact;

/// <summary>
/// <c>rightsdesk impact report ID --out DIR</c>: an assessment as <c>assessment-ID.html</c> (byte-stable) and its PDF
/// printed by headless Chromium, each listed with its SHA-256. Without Chromium the HTML is still written and the
/// command says why the PDF is missing (exit 0: the HTML is the report, the PDF a print of it).
/// </summary>
public static class ImpactReportCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var id = new Argument<Guid>("id") { Description = "The assessment's id (as on the desk page /desk/impact/ID)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "The directory to write the report into.", Required = true };
        var report = new Command("report", "Write an impact assessment as HTML and PDF: scope, method, engagement, impacts, plan, benchmarks, limits, reviews.");
        store.AddTo(report);
        report.Arguments.Add(id);
        report.Options.Add(output);
        report.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                await using var provider = await CliStore.OpenAsync(store.Resolve(parse), ct);
                await using var scope = provider.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var view = await sp.GetRequiredService<ImpactQueries>().GetAsync(parse.GetValue(id), ct);
                if (view is null)
                {
                    await stderr.WriteLineAsync($"error: there is no impact assessment {parse.GetValue(id)}; the desk's /desk/impact lists them with their ids.");
                    return ReportCommand.Malformed;
                }

                var dir = parse.GetValue(output)!.FullName;
                Directory.CreateDirectory(dir);
                var html = ImpactReport.Render(view, sp.GetRequiredService<ImpactStore>().Rules.Severity);
                var bytes = Encoding.UTF8.GetBytes(html);
                var name = $"assessment-{view.Id:D}";
                await File.WriteAllBytesAsync(Path.Combine(dir, name + ".html"), bytes, ct);
                await stdout.WriteLineAsync($"{name}.html: {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
                var printer = sp.GetRequiredService<ILetterPrinter>();
                if (printer.Unavailable is { } why)
                {
                    await stdout.WriteLineAsync($"{name}.pdf: not printed ({why})");
                }
                else
                {
                    var pdf = await printer.PrintAsync(html, ct);
                    await File.WriteAllBytesAsync(Path.Combine(dir, name + ".pdf"), pdf, ct);
                    await stdout.WriteLineAsync($"{name}.pdf: {Convert.ToHexStringLower(SHA256.HashData(pdf))}");
                }

                await stdout.WriteLineAsync($"written to {dir}");
                return ReportCommand.Done;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or DbException)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}");
                return ReportCommand.Malformed;
            }
        });
        var impact = new Command("impact", "Human rights impact assessments.");
        impact.Subcommands.Add(report);
        return impact;
    }
}
