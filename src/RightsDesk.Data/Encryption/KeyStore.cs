namespace RightsDesk.Data.Encryption;

/// <summary>
/// The key ring a running process uses, kept in step with the key file. `rightsdesk keys rotate` changes the file
/// while app nodes run: a node must open data keys wrapped under the new KEK as soon as rotation re-wraps them, and
/// must stop wrapping new data keys under the old KEK before it is retired. So the file is re-read when a wrapped key
/// names a KEK the ring does not have (at once), and whenever the file has changed, checked at most every
/// <see cref="RefreshInterval"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "Environment.TickCount64 paces re-reading the key file in real time: under the injected clock (frozen in tests) a node would never notice a rotated key file.")]
public sealed class KeyStore
{
    /// <summary>How stale a node's view of the key file may be; `keys rotate --retire` tells the operator to wait
    /// at least this long after a rotation.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly TimeSpan _refresh;
    private KeyRing _ring;
    private (DateTime Written, long Length) _stamp;
    private long _checkedAt;

    /// <summary>A fixed ring that is never re-read (keys from the environment, tests, one-off commands).</summary>
    public KeyStore(KeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        _ring = ring;
        _refresh = Timeout.InfiniteTimeSpan;
    }

    private KeyStore(string path, KeyRing ring, TimeSpan refresh)
    {
        FilePath = path;
        _ring = ring;
        _refresh = refresh;
        _stamp = Stamp(path);
        _checkedAt = Environment.TickCount64;
    }

    /// <summary>The key file followed, or null when the ring is fixed.</summary>
    public string? FilePath { get; }

    public TimeSpan RefreshInterval => _refresh;

    /// <summary>The current ring, re-read first when the file changed since the last look (at most every
    /// <see cref="RefreshInterval"/>).</summary>
    public KeyRing Ring
    {
        get
        {
            if (FilePath is not null && Environment.TickCount64 - Volatile.Read(ref _checkedAt) >= (long)_refresh.TotalMilliseconds)
            {
                RefreshIfChanged();
            }

            return Volatile.Read(ref _ring);
        }
    }

    /// <summary>Opens the key file as <see cref="KeyRing.Load"/> does (creating it, or adding a signing key, when
    /// needed) and follows it; keys from $RIGHTSDESK_KEYS give a fixed ring.</summary>
    public static KeyStore Open(string path, bool createIfMissing, TimeSpan? refresh = null)
    {
        var ring = KeyRing.Load(path, createIfMissing);
        return KeyRing.FromEnvironment ? new KeyStore(ring) : new KeyStore(path, ring, refresh ?? DefaultRefreshInterval);
    }

    /// <summary>Re-reads the key file now.</summary>
    /// <returns>True when the ring changed.</returns>
    public bool Reload()
    {
        if (FilePath is null)
        {
            return false;
        }

        lock (_gate)
        {
            var stamp = Stamp(FilePath);
            var fresh = KeyRing.Read(FilePath);
            var changed = fresh.Serialize() != _ring.Serialize();
            if (changed)
            {
                Volatile.Write(ref _ring, fresh);
            }

            _stamp = stamp;
            Volatile.Write(ref _checkedAt, Environment.TickCount64);
            return changed;
        }
    }

    private void RefreshIfChanged()
    {
        lock (_gate)
        {
            Volatile.Write(ref _checkedAt, Environment.TickCount64);
            var stamp = Stamp(FilePath!);
            if (stamp == _stamp)
            {
                return;
            }

            // Files are replaced whole (written aside, then renamed), so a changed file is never half-written. One
            // that does not parse (an operator's bad hand edit) is not taken: this process keeps the ring it has
            // and tries again at the next look rather than failing every request.
            if (TryRead(FilePath!) is { } fresh)
            {
                Volatile.Write(ref _ring, fresh);
                _stamp = stamp;
            }
        }
    }

    private static KeyRing? TryRead(string path)
    {
        try
        {
            return KeyRing.Read(path);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or FormatException)
        {
            return null;
        }
    }

    private static (DateTime, long) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1);
    }
}
