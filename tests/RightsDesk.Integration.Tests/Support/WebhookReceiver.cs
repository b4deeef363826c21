using System.Collections.Concurrent;
using System.Net;

namespace RightsDesk.Integration.Tests.Support;

/// <summary>A webhook endpoint on loopback that records each request with its headers.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public int Port { get; }
    public Uri Url => new($"http://127.0.0.1:{Port}/hooks/rightsdesk");
    public int FailNext { get; set; }
    public ConcurrentQueue<(Dictionary<string, string> Headers, string Body)> Requests { get; } = new();

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }

            using var reader = new StreamReader(ctx.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = ctx.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => ctx.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            if (FailNext > 0)
            {
                FailNext--;
                ctx.Response.StatusCode = 503;
            }
            else
            {
                Requests.Enqueue((headers, body));
                ctx.Response.StatusCode = 204;
            }

            ctx.Response.Close();
        }
    }

    internal static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { }
    }
}
