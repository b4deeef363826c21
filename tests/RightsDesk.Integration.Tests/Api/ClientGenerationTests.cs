using System.Diagnostics;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Api;

/// <summary>
/// The client docs/api.md tells readers to generate (Kiota, a local tool in dotnet-tools.json) is generated from the
/// document the host serves, with the demand's models in it. ./test.sh restores the tool; without it this fails.
/// </summary>
public sealed class ClientGenerationTests(SqliteDeskApp app) : IClassFixture<SqliteDeskApp>
{
    [Fact]
    public async Task A_csharp_client_is_generated_from_the_document()
    {
        var document = Path.Combine(app.Dir, "openapi.json");
        var output = Path.Combine(app.Dir, "client");
        await File.WriteAllTextAsync(document, await OpenApiContract.FetchAsync(app));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestRepo.Root };
        foreach (var arg in new[] { "kiota", "generate", "-l", "CSharp", "-d", document, "-o", output, "-c", "RightsDeskClient", "-n", "RightsDesk.Client", "--exclude-backward-compatible", "--clean-output" })
        {
            start.ArgumentList.Add(arg);
        }

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
            Assert.Fail("kiota generate did not finish within three minutes");
        }

        var log = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet kiota generate exited {process.ExitCode} (run `dotnet tool restore` first):\n{log}");
        foreach (var file in new[] { "RightsDeskClient.cs", "Models/Demand.cs", "Models/DemandView.cs", "Models/Authority.cs", "Models/HttpValidationProblemDetails.cs" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"The generated client lacks {file}:\n{log}");
        }
    }
}
