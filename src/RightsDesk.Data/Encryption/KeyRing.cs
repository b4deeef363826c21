using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightsDesk.Data.Encryption;

/// <summary>
/// The key encryption keys (KEKs) and the blind-index key. They live in a file or the environment, never in the
/// database: a stolen database or backup without this file is ciphertext. Several KEKs may be present so data keys
/// wrapped under an old one can still be opened while `rightsdesk keys rotate` re-wraps them under the current one.
/// The ledger's tree-head signing key (<see cref="SigningKey"/>) is kept here too, for the same reason: whoever can
/// sign tree heads can vouch for a rewritten ledger, so the key must not sit next to the ledger it vouches for.
/// </summary>
public sealed class KeyRing
{
    public const string EnvironmentVariable = "RIGHTSDESK_KEYS";
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, byte[]> _keks;
    private readonly byte[]? _signingKey;
    private readonly LedgerSigningKey? _signing;
    private readonly byte[]? _exportKey;

    private KeyRing(string currentId, Dictionary<string, byte[]> keks, byte[] indexKey, byte[]? signingKey, byte[]? exportKey = null)
    {
        CurrentId = currentId;
        _keks = keks;
        IndexKey = indexKey;
        _signingKey = signingKey;
        _signing = signingKey is null ? null : LedgerSigningKey.FromPkcs8(signingKey);
        _exportKey = exportKey;
    }

    /// <summary>False for a key file made before exports; <see cref="EnsureExportKey"/> adds one.</summary>
    public bool HasExportKey => _exportKey is not null;

    /// <summary>
    /// The key of the pseudonyms exports publish in place of the platform's ids (the Transparency Database's puid).
    /// Its own key, never rotated with the KEKs: a pseudonym that changed with a rotation would make every statement
    /// sent before look like another post, and the database refuses a puid it has only once.
    /// </summary>
    /// <exception cref="InvalidOperationException">when the key file has none.</exception>
    public byte[] ExportKey => _exportKey ?? throw new InvalidOperationException(
        "The key file has no export pseudonym key (\"exportKey\"). Run an export once with a writable key file and it adds one.");

    public string CurrentId { get; }
    public byte[] Current => _keks[CurrentId];
    public byte[] IndexKey { get; }
    public IReadOnlyCollection<string> KeyIds => _keks.Keys;

    public bool TryGet(string id, out byte[] key) => _keks.TryGetValue(id, out key!);

    /// <summary>False only for a key file written before tree heads were signed and not yet upgraded by
    /// <see cref="Load"/>.</summary>
    public bool HasSigningKey => _signing is not null;

    /// <summary>The ledger's tree-head signing key.</summary>
    /// <exception cref="InvalidOperationException">when the key file has none.</exception>
    public LedgerSigningKey SigningKey => _signing ?? throw new InvalidOperationException(
        "The key file has no ledger signing key (\"signingKey\"). Start the server once with a writable key file and it adds one.");

    public static KeyRing Generate()
    {
        var id = NewId();
        return new KeyRing(id, new() { [id] = RandomNumberGenerator.GetBytes(32) }, RandomNumberGenerator.GetBytes(32), LedgerSigningKey.GeneratePkcs8(), RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>A new ring with a fresh current KEK; older KEKs stay so existing data keys can be re-wrapped.</summary>
    public KeyRing WithNewCurrent()
    {
        var id = NewId();
        var keks = new Dictionary<string, byte[]>(_keks) { [id] = RandomNumberGenerator.GetBytes(32) };
        return new KeyRing(id, keks, IndexKey, _signingKey, _exportKey);
    }

    /// <summary>A ring that keeps only the current KEK, once nothing is wrapped under the others.</summary>
    public KeyRing WithoutRetired() => new(CurrentId, new() { [CurrentId] = Current }, IndexKey, _signingKey, _exportKey);

    /// <summary>The same ring with a fresh tree-head signing key, for a key file that has none.</summary>
    public KeyRing WithNewSigningKey() => new(CurrentId, new(_keks), IndexKey, LedgerSigningKey.GeneratePkcs8(), _exportKey);

    /// <summary>The same ring with a fresh export pseudonym key, for a key file that has none.</summary>
    public KeyRing WithNewExportKey() => new(CurrentId, new(_keks), IndexKey, _signingKey, RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The ring at <paramref name="path"/> (or $RIGHTSDESK_KEYS) with an export pseudonym key, adding one to the file
    /// under its lock when it has none, so two exports started at once agree on one key.
    /// </summary>
    public static KeyRing EnsureExportKey(string path)
    {
        if (FromEnvironment)
        {
            var fromEnv = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable)!);
            return fromEnv.HasExportKey
                ? fromEnv
                : throw new InvalidOperationException($"${EnvironmentVariable} has no export pseudonym key. Add \"exportKey\": 32 random bytes in base64 (`openssl rand -base64 32`), and never change it.");
        }

        return Update(path, existing => existing switch
        {
            null => throw new InvalidOperationException($"No key file at {path}: without the keys the decisions cannot be read."),
            { HasExportKey: false } => existing.WithNewExportKey(),
            _ => existing,
        });
    }

    public string Serialize() => JsonSerializer.Serialize(new KeyFile(CurrentId,
        _keks.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value)), Convert.ToBase64String(IndexKey),
        _signingKey is null ? null : Convert.ToBase64String(_signingKey), _exportKey is null ? null : Convert.ToBase64String(_exportKey)), FileJson);

    public static KeyRing Parse(string json)
    {
        KeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFile>(json, FileJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The key file is not valid JSON: {ex.Message}", ex);
        }

        if (file is null || file.Keys is null || file.Current is null || !file.Keys.ContainsKey(file.Current) || file.IndexKey is null)
        {
            throw new InvalidOperationException("The key file must name a current key that it contains, and an index key.");
        }

        var keks = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, b64) in file.Keys)
        {
            var bytes = Convert.FromBase64String(b64);
            if (bytes.Length != 32)
            {
                throw new InvalidOperationException($"Key '{id}' is not 256 bits.");
            }

            keks[id] = bytes;
        }

        var index = Convert.FromBase64String(file.IndexKey);
        if (index.Length != 32)
        {
            throw new InvalidOperationException("The index key is not 256 bits.");
        }

        byte[]? signing = null;
        if (file.SigningKey is not null)
        {
            try
            {
                signing = Convert.FromBase64String(file.SigningKey);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException("The ledger signing key in the key file (\"signingKey\") is not base64.", ex);
            }
        }

        byte[]? export = null;
        if (file.ExportKey is not null)
        {
            export = Convert.FromBase64String(file.ExportKey);
            if (export.Length != 32)
            {
                throw new InvalidOperationException("The export pseudonym key (\"exportKey\") is not 256 bits.");
            }
        }

        return new KeyRing(file.Current, keks, index, signing, export);
    }

    /// <summary>True when the keys come from $RIGHTSDESK_KEYS rather than a file (and so cannot be rewritten).</summary>
    public static bool FromEnvironment => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Loads the ring from $RIGHTSDESK_KEYS (the JSON itself) or from <paramref name="path"/>;
    /// with <paramref name="createIfMissing"/>, a new ring is written there with owner-only permissions.
    /// A key file from before tree heads were signed gets a signing key added and saved; one that cannot be written
    /// (or keys from the environment without one) is refused with what to do, since a server that cannot sign tree
    /// heads cannot vouch for its ledger.</summary>
    public static KeyRing Load(string path, bool createIfMissing)
    {
        if (FromEnvironment)
        {
            var fromEnv = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable)!);
            return fromEnv.HasSigningKey
                ? fromEnv
                : throw new InvalidOperationException(
                    $"${EnvironmentVariable} has no ledger signing key. Add \"signingKey\": a base64 PKCS#8 ECDSA P-256 private key, for example the output of " +
                    "`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0`.");
        }

        if (File.Exists(path))
        {
            var ring = Parse(File.ReadAllText(path));
            return ring.HasSigningKey ? ring : AddSigningKey(path);
        }

        if (!createIfMissing)
        {
            throw new InvalidOperationException($"No key file at {path} and ${EnvironmentVariable} is not set. Without the keys the encrypted data cannot be read.");
        }

        return Update(path, existing => existing is null ? Generate() : existing.HasSigningKey ? existing : existing.WithNewSigningKey());
    }

    /// <summary>Reads the ring from $RIGHTSDESK_KEYS or <paramref name="path"/> and changes nothing, even when it has
    /// no signing key: for commands that only read.</summary>
    public static KeyRing Read(string path)
    {
        if (FromEnvironment)
        {
            return Parse(Environment.GetEnvironmentVariable(EnvironmentVariable)!);
        }

        return File.Exists(path)
            ? Parse(File.ReadAllText(path))
            : throw new InvalidOperationException($"No key file at {path} and ${EnvironmentVariable} is not set.");
    }

    /// <summary>
    /// Reads, changes and writes the key file while holding an exclusive lock on <c>PATH.lock</c>, so two processes
    /// changing it at once (two app nodes upgrading it, a rotation) cannot overwrite each other's keys.
    /// <paramref name="change"/> gets the ring in the file, or null when there is no file yet.
    /// </summary>
    public static KeyRing Update(string path, Func<KeyRing?, KeyRing> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var held = AcquireLock(path);
        var before = File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
        var after = change(before);
        if (!ReferenceEquals(before, after))
        {
            after.Save(path);
        }

        return after;
    }

    private static KeyRing AddSigningKey(string path)
    {
        try
        {
            // Another process may have added one since the file was read: keep theirs rather than replace it.
            return Update(path, existing => existing switch
            {
                null => throw new InvalidOperationException($"The key file {path} disappeared while a signing key was being added to it."),
                { HasSigningKey: false } => existing.WithNewSigningKey(),
                _ => existing,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The key file {path} has no ledger signing key, and one cannot be added because the file cannot be written ({ex.Message}). " +
                "Let this user write the file (and its directory) once and start again: a signing key is generated and saved with mode 0600.", ex);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "Waits in real time for another process to let go of the key file lock: the injected clock is frozen in tests and would never time out.")]
    private static FileStream AcquireLock(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path + ".lock", options);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(path + ".lock"))
            {
                // Held by another process (FileShare.None is an exclusive flock on Unix): wait for it.
                Thread.Sleep(50);
            }
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Serialize());
        }

        File.Move(temp, path, overwrite: true);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A key id is a label saying when the operator made the key, by their machine clock; keys are made by the CLI, outside any request and its clock.")]
    private static string NewId() => "k" + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record KeyFile(
        [property: JsonPropertyName("current")] string? Current,
        [property: JsonPropertyName("keys")] Dictionary<string, string>? Keys,
        [property: JsonPropertyName("indexKey")] string? IndexKey,
        [property: JsonPropertyName("signingKey")] string? SigningKey,
        [property: JsonPropertyName("exportKey")] string? ExportKey = null);
}
