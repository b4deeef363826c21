using System.Text.Json.Nodes;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>Key files written before tree heads were signed: a signing key is added and kept, or the load is refused
/// with what to do when the file cannot be written.</summary>
public sealed class SigningKeyFileTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "rightsdesk-tests", "keys-" + Guid.NewGuid().ToString("N"));

    public SigningKeyFileTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void An_old_key_file_gets_a_signing_key_that_is_saved_and_kept()
    {
        var path = Path.Combine(dir, "keys.json");
        var (old, json) = OldKeyFile();
        File.WriteAllText(path, json);

        var loaded = KeyRing.Load(path, createIfMissing: false);
        Assert.True(loaded.HasSigningKey);
        Assert.Equal(old.CurrentId, loaded.CurrentId);
        Assert.Equal(old.Current, loaded.Current);
        Assert.Equal(old.IndexKey, loaded.IndexKey);
        Assert.Equal(64, loaded.SigningKey.KeyId.Length);
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(path))!["signingKey"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        // The same key on every later load, and through the store a server uses.
        Assert.Equal(loaded.SigningKey.KeyId, KeyRing.Load(path, createIfMissing: false).SigningKey.KeyId);
        Assert.Equal(loaded.SigningKey.KeyId, KeyStore.Open(path, createIfMissing: false).Ring.SigningKey.KeyId);
        Assert.Equal(loaded.SigningKey.KeyId, KeyRing.Read(path).SigningKey.KeyId);
    }

    [Fact]
    public void An_old_key_file_that_cannot_be_written_is_refused_with_what_to_do()
    {
        var path = Path.Combine(dir, "keys.json");
        File.WriteAllText(path, OldKeyFile().Json);
        // Permissions do not stop root, which the tests may run as; a directory where the lock file must go does.
        Directory.CreateDirectory(path + ".lock");

        var refused = Assert.Throws<InvalidOperationException>(() => KeyRing.Load(path, createIfMissing: false));
        Assert.Contains($"The key file {path} has no ledger signing key", refused.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be written", refused.Message, StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(File.ReadAllText(path))!["signingKey"]);

        // Reading without changing anything still works, for commands that only read.
        Assert.False(KeyRing.Read(path).HasSigningKey);
    }

    [Fact]
    public void A_signing_key_that_is_not_p256_is_refused()
    {
        var node = JsonNode.Parse(KeyRing.Generate().Serialize())!;
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        node["signingKey"] = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
        var refused = Assert.Throws<InvalidOperationException>(() => KeyRing.Parse(node.ToJsonString()));
        Assert.Contains("not an ECDSA P-256 private key", refused.Message, StringComparison.Ordinal);
    }

    private static (KeyRing Ring, string Json) OldKeyFile()
    {
        var ring = KeyRing.Generate();
        var node = JsonNode.Parse(ring.Serialize())!.AsObject();
        node.Remove("signingKey");
        return (ring, node.ToJsonString());
    }
}
