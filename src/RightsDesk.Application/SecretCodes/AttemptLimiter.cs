using System.Collections.Concurrent;

namespace RightsDesk.Application.SecretCodes;

/// <summary>
/// Fixed-window counters on the injected clock: at most N attempts per key per window. Kept in memory per app node,
/// which bounds guessing per node; the code space (about 90 bits) is what makes guessing hopeless, the limit is
/// what keeps Argon2's memory cost from being turned into a denial of service.
/// </summary>
public sealed class AttemptLimiter(int limit, TimeSpan window, TimeProvider clock)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts an attempt; false when the key has used up its window.</summary>
    public bool TryAcquire(string key)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > PruneAbove)
        {
            foreach (var (k, w) in _windows)
            {
                if (w.Start + window <= now)
                {
                    _windows.TryRemove(k, out _);
                }
            }
        }

        var entry = _windows.AddOrUpdate(key,
            _ => new Window(now, 1),
            (_, w) => w.Start + window <= now ? new Window(now, 1) : w with { Count = w.Count + 1 });
        return entry.Count <= limit;
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
