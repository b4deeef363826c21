using System.Diagnostics;
using RightsDesk.Core.Cases;

namespace RightsDesk.Application.Letters;

/// <summary>Where Chromium is and how long a print may take (configuration section <c>Letters</c>).</summary>
public sealed class LetterOptions
{
    public const string DebianChromium = "/usr/bin/chromium";

    /// <summary>The Chromium executable. Unset means Debian's package when it is installed; Chromium is optional, and
    /// without it the desk offers the letter's HTML instead of a PDF.</summary>
    public string? Chromium { get; set; }

    public TimeSpan PrintTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public string? ResolvedChromium =>
        Chromium is { Length: > 0 } configured ? configured : File.Exists(DebianChromium) ? DebianChromium : null;
}

/// <summary>Turns a letter's HTML into a PDF.</summary>
public interface ILetterPrinter
{
    /// <summary>Why no PDF can be printed here, in words for the desk, or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>The PDF's bytes. A failure is a <see cref="WorkflowException"/> the desk can show.</summary>
    Task<byte[]> PrintAsync(string html, CancellationToken ct);
}

/// <summary>
/// Prints with headless Chromium, each letter in a fresh temporary directory with its own profile (parallel prints do
/// not share state, and nothing is left behind), with a time limit after which the whole process tree is killed. The
/// letter's own policy (<see cref="LetterHtml.Document"/>) keeps scripts and fetches out; Chromium's switch to turn
/// scripts off also stops it printing.
/// </summary>
public sealed class ChromiumLetterPrinter(LetterOptions options) : ILetterPrinter
{
    public string? Unavailable => options.ResolvedChromium is { } path && File.Exists(path)
        ? null
        : "Chromium is not installed on the server (setting Letters:Chromium), so no PDF can be printed; the letter is offered as HTML.";

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        if (Unavailable is { } why)
        {
            throw new WorkflowException(why);
        }

        var dir = Directory.CreateTempSubdirectory("rightsdesk-letter-");
        try
        {
            var source = Path.Combine(dir.FullName, "letter.html");
            var pdf = Path.Combine(dir.FullName, "letter.pdf");
            await File.WriteAllTextAsync(source, html, ct);
            await RunAsync(dir.FullName, source, pdf, ct);
            return File.Exists(pdf) && new FileInfo(pdf).Length > 0
                ? await File.ReadAllBytesAsync(pdf, ct)
                : throw new WorkflowException("Chromium ran but wrote no PDF; the letter is offered as HTML.");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private async Task RunAsync(string dir, string source, string pdf, CancellationToken ct)
    {
        var start = new ProcessStartInfo(options.ResolvedChromium!)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
            $"--user-data-dir={Path.Combine(dir, "profile")}",
            $"--print-to-pdf={pdf}", "--no-pdf-header-footer", new Uri(source).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        // Chromium writes its caches under HOME; keep them in the directory that is deleted afterwards.
        start.Environment["HOME"] = dir;
        using var process = Process.Start(start) ?? throw new WorkflowException("Chromium could not be started.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.PrintTimeout);

        // Chromium's output is read and dropped: a full pipe would stall it, and it has nothing the desk needs.
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(limit.Token), process.StandardError.ReadToEndAsync(limit.Token));
        try
        {
            await process.WaitForExitAsync(limit.Token);
            await drain;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new WorkflowException($"Chromium did not print the letter within {options.PrintTimeout.TotalSeconds:0} seconds.");
        }

        if (process.ExitCode != 0)
        {
            throw new WorkflowException($"Chromium could not print the letter (exit code {process.ExitCode}).");
        }
    }
}
