using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightsDesk.Data.Encryption;

/// <summary>
/// The key encryption keys (KEKs) and the blind-index key. They live in a file or the environment, never in the
/// database: a stolen database or backup without this file is ciphertext. Several KEKs may be present so data keys
/// wrapped under an old one can still be opened while `rightsdesk keys rotate` re-wraps them under the current one.
/// </summary>
public sealed class KeyRing
{
    public const string EnvironmentVariable = "RIGHTSDESK_KEYS";
    private readonly Dictionary<string, byte[]> _keks;

    private KeyRing(string currentId, Dictionary<string, byte[]> keks, byte[] indexKey)
    {
        CurrentId = currentId;
        _keks = keks;
        IndexKey = indexKey;
    }

    public string CurrentId { get; }
    public byte[] Current => _keks[CurrentId];
    public byte[] IndexKey { get; }
    public IReadOnlyCollection<string> KeyIds => _keks.Keys;

    public bool TryGet(string id, out byte[] key) => _keks.TryGetValue(id, out key!);

    public static KeyRing Generate()
    {
        var id = NewId();
        return new KeyRing(id, new() { [id] = RandomNumberGenerator.GetBytes(32) }, RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>A new ring with a fresh current KEK; older KEKs stay so existing data keys can be re-wrapped.</summary>
    public KeyRing WithNewCurrent()
    {
        var id = NewId();
        var keks = new Dictionary<string, byte[]>(_keks) { [id] = RandomNumberGenerator.GetBytes(32) };
        return new KeyRing(id, keks, IndexKey);
    }

    /// <summary>A ring that keeps only the current KEK, once nothing is wrapped under the others.</summary>
    public KeyRing WithoutRetired() => new(CurrentId, new() { [CurrentId] = Current }, IndexKey);

    public string Serialize() => JsonSerializer.Serialize(new KeyFile(CurrentId,
        _keks.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value)), Convert.ToBase64String(IndexKey)), FileJson);

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

        return new KeyRing(file.Current, keks, index);
    }

    /// <summary>Loads the ring from $RIGHTSDESK_KEYS (the JSON itself) or from <paramref name="path"/>;
    /// with <paramref name="createIfMissing"/>, a new ring is written there with owner-only permissions.</summary>
    public static KeyRing Load(string path, bool createIfMissing)
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Parse(env);
        }

        if (File.Exists(path))
        {
            return Parse(File.ReadAllText(path));
        }

        if (!createIfMissing)
        {
            throw new InvalidOperationException($"No key file at {path} and ${EnvironmentVariable} is not set. Without the keys the encrypted data cannot be read.");
        }

        var ring = Generate();
        ring.Save(path);
        return ring;
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

    private static string NewId() => "k" + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record KeyFile(
        [property: JsonPropertyName("current")] string? Current,
        [property: JsonPropertyName("keys")] Dictionary<string, string>? Keys,
        [property: JsonPropertyName("indexKey")] string? IndexKey);
}
