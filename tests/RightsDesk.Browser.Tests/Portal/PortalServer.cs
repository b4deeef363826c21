using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Portal;

/// <summary>
/// The real host for the portal journey: like <see cref="WebServer"/>, but on HTTPS (the session and form cookies are
/// Secure, and antiforgery refuses to issue tokens over plain HTTP) with a throw-away self-signed certificate, and with
/// an SMTP inbox so the enrolment link can be read from the e-mail as the official would.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PortalServer()
    {
        Directory.CreateDirectory(DataDirectory);
        var certificate = SelfSigned();
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "rightsdesk-browser", Guid.NewGuid().ToString("N"));

    public SmtpInbox Smtp { get; } = new();

    /// <summary>https://127.0.0.1:{port}, known once the server has started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public Task InitializeAsync()
    {
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return Task.CompletedTask;
    }

    public async Task InScope(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Engine", "sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(DataDirectory, "rightsdesk.db")};Pooling=False");
        builder.UseSetting("RightsDesk:DataDirectory", DataDirectory);
        builder.UseSetting("RightsDesk:PolicyDirectory", Repo.Policy);
        builder.UseSetting("Notices:Worker:Enabled", "false");
        builder.UseSetting("Notices:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notices:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notices:Smtp:Security", "none");
        builder.UseSetting("Notices:Smtp:From", "legal@example.org");
        builder.UseSetting("RateLimits:AnonymousPerMinute", "100000");
        builder.UseSetting("RateLimits:AuthenticatedPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Portal:RegistrationsPerAddress", "100000");
        builder.UseSetting("Portal:RegistrationsPerDomain", "100000");
        // Enrolment hashes ten recovery codes with Argon2id; at the product's cost that takes half a minute on a busy
        // test machine. Lowered here only (as SecretCodeOptions allows in tests).
        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<SecretCodeOptions>();
            s.AddSingleton(new SecretCodeOptions { MemoryKiB = 1024, Iterations = 1 });
        });
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        // Re-imported from PFX so Kestrel gets a key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the closing host stays in the temp directory; the next run does not need it.
        }
    }
}

/// <summary>The portal journey's own server and browser: one collection, so it never shares state with the public pages' tests.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "portal-browser";
}
