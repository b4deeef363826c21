using System.Diagnostics;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Api;

/// <summary>
/// The document passes Redocly CLI's recommended rules with no error. ./test.sh installs the CLI into
/// artifacts/tools/redocly when it is missing; without it this test fails (it never skips), saying how to install it.
/// </summary>
public sealed class RedoclyLintTests(SqliteDeskApp app) : IClassFixture<SqliteDeskApp>
{
    public const string Version = "2.77.0";

    [Fact]
    public async Task The_document_passes_redocly_recommended_lint_with_no_error()
    {
        var cli = Environment.GetEnvironmentVariable("RIGHTSDESK_REDOCLY")
            ?? Path.Combine(TestRepo.Root, "artifacts", "tools", "redocly", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(cli),
            $"Redocly CLI is not at {cli}. Run ./test.sh, which installs it, or: npm install --prefix artifacts/tools/redocly @redocly/cli@{Version}");

        var file = Path.Combine(app.Dir, "openapi.json");
        await File.WriteAllTextAsync(file, await OpenApiContract.FetchAsync(app));
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestRepo.Root };
        foreach (var arg in new[] { "lint", "--extends=recommended", "--config", Path.Combine(TestRepo.Root, "redocly.yaml"), file })
        {
            start.ArgumentList.Add(arg);
        }

        // The lint runs offline and says nothing to anyone about it.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("redocly lint did not finish within three minutes");
        }

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"redocly lint --extends=recommended exited {process.ExitCode}:\n{output}");
        Assert.Contains("valid", output, StringComparison.OrdinalIgnoreCase);
    }
}
