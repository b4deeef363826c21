using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace RightsDesk.Integration.Tests.Support;

/// <summary>One log entry as any sink could write it: message, structured values, scopes and the whole exception.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text);

/// <summary>
/// Captures every log entry of the test host, every category at Trace, including the framework's hosting, routing,
/// authentication and EF Core logs, so a test can assert that no secret or personal datum reaches any log sink.
/// It records more than a console would (state values and scopes, which JSON sinks write), so a clean capture means
/// clean logs whatever the sink. Tests add the secrets they create through <see cref="Watch"/>, and
/// <see cref="AssertNoSecrets"/> checks them all: a later feature (passwords, TOTP codes, enrolment links) adds its
/// own secrets to the same scan.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    /// <summary>The secrets watched so far, by value, with a label saying what each one is.</summary>
    public IReadOnlyDictionary<string, string> Secrets => _secrets;

    /// <summary>Hooks the capture into a host's logging: every category, down to Trace, whatever the app's own filters.</summary>
    public void AddTo(ILoggingBuilder logging)
    {
        logging.AddProvider(this);
        // A rule for this provider wins over the app's category rules (such as EF Core at Warning for the console).
        logging.AddFilter<LogCapture>(null, LogLevel.Trace);
        // Except the request lines (method and path of every request): the product never writes them (see
        // RightsDeskWeb: paths carry one-time enrolment and download links), and the scan checks what it writes.
        logging.AddFilter<LogCapture>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
    }

    /// <summary>Adds a value that must never appear in any log entry.</summary>
    public string Watch(string label, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secrets[secret] = label;
        return secret;
    }

    public void Clear() => _entries.Clear();

    /// <summary>Fails with every (secret, entry) pair where a watched secret appears, and fails if nothing was captured.</summary>
    public void AssertNoSecrets()
    {
        Assert.True(_entries.Count > 0, "No log entries were captured: the capture is not wired into the host, so the scan would prove nothing.");
        var leaks = new List<string>();
        foreach (var entry in _entries)
        {
            foreach (var (secret, label) in _secrets)
            {
                if (entry.Text.Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add($"{label} in {entry.Level} {entry.Category} [{entry.EventId.Id} {entry.EventId.Name}]: {Shorten(entry.Text)}");
                }
            }
        }

        Assert.True(leaks.Count == 0, $"{leaks.Count} log entr(ies) carry a secret:\n" + string.Join("\n", leaks.Take(30)));
    }

    /// <summary>Whether any entry came from a category starting with the prefix (to prove a source was captured).</summary>
    public bool HasCategory(string prefix) => _entries.Any(e => e.Category.StartsWith(prefix, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        // Entries stay readable after the host stops: the assertion runs after the flow.
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder();
            text.Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(Render(value));
                }
            }

            owner._scopes.ForEachScope((scope, sb) => sb.Append(" | scope: ").Append(Render(scope)), text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            owner._entries.Enqueue(new CapturedLog(category, logLevel, eventId, text.ToString()));
        }

        private static string Render(object? value) => value switch
        {
            null => "",
            string s => s,
            IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(", ", pairs.Select(p => p.Key + "=" + Render(p.Value))),
            System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Render)),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
    }
}
