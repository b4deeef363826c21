using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Defenders;

/// <summary>
/// Attachments on the incident form: stripped by mat2 (checked with mat2 itself), the original kept sealed only with
/// the reporter's consent, and refused with a clear message, storing nothing, when mat2 is missing.
/// </summary>
public abstract partial class IncidentAttachmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Mat2 = "/usr/bin/mat2";
    private const string Hidden = "Amina Kigali phone 0788";

    [GeneratedRegex("<output class=\"code\"[^>]*>([^<]+)</output>")]
    private static partial Regex ReceiptPattern();

    [GeneratedRegex("attachmentId=([0-9a-f-]{36})")]
    private static partial Regex AttachmentLink();

    /// <summary>A 4×4 red PNG whose tEXt chunk names its author, as a phone's editor may write.</summary>
    private static byte[] PngWithMetadata()
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            return [.. BigEndian((uint)data.Length), .. typed, .. BigEndian(Crc32(typed))];
        }

        var raw = Enumerable.Range(0, 4).SelectMany(_ => new byte[] { 0 }.Concat(Enumerable.Repeat(new byte[] { 255, 0, 0 }, 4).SelectMany(p => p))).ToArray();
        using var z = new MemoryStream();
        using (var deflate = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(raw);
        }

        byte[] header = [0, 0, 0, 4, 0, 0, 0, 4, 8, 2, 0, 0, 0];
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header),
            .. Chunk("tEXt", Encoding.Latin1.GetBytes("Author\0" + Hidden)), .. Chunk("IDAT", z.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] BigEndian(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static MultipartFormDataContent Report(string description, byte[] file, bool keepOriginal)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("impersonation"), "types" }, { new StringContent(description), "description" },
            { new StringContent("notUrgent"), "urgency" }, { new StringContent("none"), "contact" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "attachment", "IMG_2041_Kigali.png");
        if (keepOriginal)
        {
            form.Add(new StringContent("true"), "keepOriginal");
        }

        return form;
    }

    private static HttpClient Public(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    private static async Task<string> ShowAsync(byte[] file)
    {
        var dir = Directory.CreateTempSubdirectory("rd-mat2-check-");
        try
        {
            var path = Path.Combine(dir.FullName, "check.png");
            await File.WriteAllBytesAsync(path, file);
            var start = new ProcessStartInfo(Mat2) { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("--show");
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_attachment_is_stored_stripped_and_its_original_only_with_consent(bool keepOriginal)
    {
        Assert.True(File.Exists(Mat2), "mat2 is installed by ./test.sh (Debian package mat2)");
        var original = PngWithMetadata();
        Assert.Contains(Hidden, await ShowAsync(original), StringComparison.Ordinal);

        var sent = await Public(app).PostAsync(new Uri("/ar/incident", UriKind.Relative), Report("attachment-" + Guid.NewGuid().ToString("N"), original, keepOriginal));
        var html = await sent.Content.ReadAsStringAsync();
        Assert.True(sent.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 800)]);
        var receipt = ReceiptPattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(receipt);

        var stored = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().IncidentAttachments.AsNoTracking().OrderBy(a => a.At).LastAsync());
        Assert.Equal(keepOriginal, stored.SealedOriginal is not null);
        Assert.Equal("image/png", stored.ContentType);

        var lead = await PageSession.CreatePersonAsync(app, $"a{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.HumanRightsLead);
        using var desk = new PageSession(app);
        await desk.SignInAsync(lead);
        var page = await desk.GetAsync($"/desk/incidents/{stored.IncidentId}");
        Assert.DoesNotContain("IMG_2041", page, StringComparison.Ordinal);
        Assert.Equal(stored.Id.ToString(), AttachmentLink().Match(page).Groups[1].Value);

        var clean = await desk.Client.GetAsync($"/desk/incidents/{stored.IncidentId}?handler=attachment&attachmentId={stored.Id}");
        Assert.Equal(HttpStatusCode.OK, clean.StatusCode);
        var cleanBytes = await clean.Content.ReadAsByteArrayAsync();
        var shown = await ShowAsync(cleanBytes);
        Assert.DoesNotContain(Hidden, shown, StringComparison.Ordinal);
        Assert.Contains("No metadata found", shown, StringComparison.Ordinal);
        Assert.Equal(stored.CleanSha256, Convert.ToHexStringLower(SHA256.HashData(cleanBytes)));

        var kept = await desk.Client.GetAsync($"/desk/incidents/{stored.IncidentId}?handler=attachment&attachmentId={stored.Id}&original=true");
        if (keepOriginal)
        {
            Assert.Equal(original, await kept.Content.ReadAsByteArrayAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, kept.StatusCode);
        }
    }

    [Fact]
    public async Task Without_mat2_an_attachment_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        using var missing = app.WithWebHostBuilder(b => b.UseSetting("Incidents:Attachments:Mat2Path", "/nonexistent/mat2"));
        var before = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().Incidents.CountAsync());
        var description = "no-mat2-" + Guid.NewGuid().ToString("N");
        var sent = await Public(missing).PostAsync(new Uri("/en/incident", UriKind.Relative), Report(description, PngWithMetadata(), keepOriginal: true));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sent.StatusCode);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Contains("the tool that removes their hidden details is not available", html, StringComparison.Ordinal);
        Assert.Contains(description, html, StringComparison.Ordinal);
        Assert.Equal(before, await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().Incidents.CountAsync()));

        var stripper = new AttachmentStripper(new IncidentAttachmentOptions { Mat2Path = "/nonexistent/mat2" });
        var refused = await Assert.ThrowsAsync<AttachmentRefusedException>(() => stripper.StripAsync(PngWithMetadata(), default));
        Assert.Equal(AttachmentRefusal.ToolMissing, refused.Reason);
        var tooLarge = new AttachmentStripper(new IncidentAttachmentOptions { MaxBytes = 10 });
        Assert.Equal(AttachmentRefusal.TooLarge, (await Assert.ThrowsAsync<AttachmentRefusedException>(() => tooLarge.StripAsync(PngWithMetadata(), default))).Reason);
        Assert.Equal(AttachmentRefusal.UnsupportedType, (await Assert.ThrowsAsync<AttachmentRefusedException>(() => stripper.StripAsync([0, 1, 2, 3], default))).Reason);
    }
}

public sealed class SqliteIncidentAttachmentTests(SqliteDeskApp app) : IncidentAttachmentTests<SqliteDeskApp>(app);

public sealed class PostgresIncidentAttachmentTests(PostgresDeskApp app) : IncidentAttachmentTests<PostgresDeskApp>(app);
