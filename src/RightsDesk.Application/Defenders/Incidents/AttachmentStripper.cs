using System.Diagnostics;

namespace RightsDesk.Application.Defenders.Incidents;

/// <summary>Where mat2 is and what an attachment may be (section <c>Incidents:Attachments</c>).</summary>
public sealed class IncidentAttachmentOptions
{
    /// <summary>Debian's mat2 (package mat2). Missing: every attachment is refused, none is stored unstripped.</summary>
    public string Mat2Path { get; set; } = "/usr/bin/mat2";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>Why an attachment was not taken; the public form says each in the reporter's language.</summary>
public enum AttachmentRefusal { TooLarge, UnsupportedType, ToolMissing, CouldNotClean }

/// <summary>An attachment with its metadata removed, and the original as it came (to keep sealed only if consented).</summary>
public sealed record StrippedAttachment(string ContentType, byte[] Clean, byte[] Original);

/// <summary>The attachment refused, with why.</summary>
public sealed class AttachmentRefusedException(AttachmentRefusal reason) : Exception("Attachment refused: " + reason)
{
    public AttachmentRefusal Reason { get; } = reason;
}

/// <summary>
/// Strips an attachment's metadata with mat2, run as a process on a copy in a private temporary directory that is
/// deleted afterwards. The type is read from the file's first bytes, never from its name or the browser's claim,
/// and only types mat2 cleans fully are taken.
/// </summary>
public sealed class AttachmentStripper(IncidentAttachmentOptions options)
{
    public async Task<StrippedAttachment> StripAsync(byte[] original, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.Length == 0 || original.Length > options.MaxBytes)
        {
            throw new AttachmentRefusedException(AttachmentRefusal.TooLarge);
        }

        var (contentType, extension) = Sniff(original) ?? throw new AttachmentRefusedException(AttachmentRefusal.UnsupportedType);
        if (!File.Exists(options.Mat2Path))
        {
            throw new AttachmentRefusedException(AttachmentRefusal.ToolMissing);
        }

        var dir = Directory.CreateTempSubdirectory("rd-attachment-");
        try
        {
            var path = Path.Combine(dir.FullName, "attachment" + extension);
            await File.WriteAllBytesAsync(path, original, ct);
            if (!await RunAsync(path, ct))
            {
                throw new AttachmentRefusedException(AttachmentRefusal.CouldNotClean);
            }

            return new StrippedAttachment(contentType, await File.ReadAllBytesAsync(path, ct), original);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private async Task<bool> RunAsync(string path, CancellationToken ct)
    {
        var start = new ProcessStartInfo(options.Mat2Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--inplace");
        start.ArgumentList.Add(path);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new AttachmentRefusedException(AttachmentRefusal.ToolMissing);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(output, errors);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        return process.ExitCode == 0;
    }

    /// <summary>PNG, JPEG and PDF by their signatures; plain text when it is UTF-8 without control bytes.</summary>
    private static (string ContentType, string Extension)? Sniff(byte[] b)
    {
        if (b.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("image/png", ".png");
        }

        if (b.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return ("image/jpeg", ".jpg");
        }

        if (b.AsSpan().StartsWith("%PDF-"u8))
        {
            return ("application/pdf", ".pdf");
        }

        try
        {
            var text = new System.Text.UTF8Encoding(false, true).GetString(b);
            return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? null : ("text/plain", ".txt");
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
