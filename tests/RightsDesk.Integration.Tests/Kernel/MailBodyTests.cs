using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using RightsDesk.Application.Outbox;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Kernel;

/// <summary>What a reader's mail client gets: readable plain text and a safe HTML page, never Markdown's markers.</summary>
public abstract class MailBodyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Body = """
        ## What was demanded

        - **By whom:** Ministry of <script>alert(1)</script> Interior
        - **Law cited:** *Article 5*
          - nested __detail__

        Read [our guidelines](https://platform.example/en/guidelines) or <javascript:alert(2)>.

        ![tracker](https://tracker.example/pixel.png)

        <b onclick="x()">not bold</b>
        """;

    private async Task<MimeMessage> SendAsync(EmailPayload payload)
    {
        var key = $"portal-account-exists:{Guid.NewGuid()}:2026-03-04";
        await app.InScope(async sp =>
        {
            await sp.GetRequiredService<IOutbox>().EnqueueAsync(OutboxMessage.Email(OutboxTopics.PortalMail, key, payload) with { SubjectId = "account-2" }, default);
            await sp.GetRequiredService<RightsDeskDbContext>().SaveChangesAsync();
        });
        await app.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        var raw = app.Smtp.Messages.Single(m => m.To.Any(t => t.Contains(payload.To, StringComparison.OrdinalIgnoreCase)));
        return await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw.Data)));
    }

    private static string To() => $"m{Guid.NewGuid():N}"[..12] + "@police.example.gov";

    [Fact]
    public async Task A_markdown_body_goes_as_plain_text_and_html_alternatives_without_markers_or_raw_html()
    {
        var mail = await SendAsync(new EmailPayload(To(), "A government demand", Body));

        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.OfType<TextPart>().Select(p => p.ContentType.MimeType));

        var text = (mail.TextBody ?? "").ReplaceLineEndings("\n");
        Assert.Contains("What was demanded\n", text, StringComparison.Ordinal);
        Assert.Contains("- By whom: Ministry of <script>alert(1)</script> Interior", text, StringComparison.Ordinal);
        Assert.Contains("- Law cited: Article 5", text, StringComparison.Ordinal);
        Assert.Contains("  - nested detail", text, StringComparison.Ordinal);
        Assert.Contains("our guidelines (https://platform.example/en/guidelines)", text, StringComparison.Ordinal);
        foreach (var marker in new[] { "**", "##", "__", "](", "![", "*Article" })
        {
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        }

        var html = mail.HtmlBody;
        Assert.Contains("<h2>What was demanded</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>By whom:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://platform.example/en/guidelines\">our guidelines</a>", html, StringComparison.Ordinal);
        // The authority's words and a hand-edited draft are text: no tag, no script address, nothing fetched.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b onclick=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_letter_keeps_its_pdf_beside_the_two_alternatives()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 test letter");
        var mail = await SendAsync(new EmailPayload(To(), "Response to your demand", "**Produced.** We are producing:\n\n1. subscriber information\n")
        {
            Attachments = [new EmailAttachment("letter.pdf", "application/pdf", pdf)],
        });

        var mixed = Assert.IsType<Multipart>(mail.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal("Produced. We are producing:\n\n1. subscriber information\n", (mail.TextBody ?? "").ReplaceLineEndings("\n"));
        Assert.Contains("<ol>", mail.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("letter.pdf", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(pdf, content.ToArray());
    }
}

public sealed class SqliteMailBodyTests(SqliteDeskApp app) : MailBodyTests<SqliteDeskApp>(app);

public sealed class PostgresMailBodyTests(PostgresDeskApp app) : MailBodyTests<PostgresDeskApp>(app);
