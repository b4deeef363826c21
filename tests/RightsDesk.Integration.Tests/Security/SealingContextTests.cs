using System.Security.Cryptography;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// The one encryption-context scheme keeps the exact text every kind of sealed field was sealed under before it
/// existed (the context is AES-GCM's associated data, so a changed byte would leave every stored value unreadable),
/// and still tells kinds, rows and fields apart.
/// </summary>
public sealed class SealingContextTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b");
    private const string User = "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8";

    public static TheoryData<string, string> Contexts() => new()
    {
        // Before SealingContext: DemandSealing.Context, AtRiskRegistry.Context, Outbox.SealContext.
        { SealingContext.Demand(Id, "demand").Text, "6f1c2a4e8b3d4e5f9a7b1c2d3e4f5a6b:demand" },
        { SealingContext.Demand(Id, "step:638672000000000000").Text, "6f1c2a4e8b3d4e5f9a7b1c2d3e4f5a6b:step:638672000000000000" },
        { SealingContext.AtRisk(Id, "identifier").Text, "6f1c2a4e8b3d4e5f9a7b1c2d3e4f5a6b:identifier" },
        { SealingContext.Outbox(Id).Text, "6f1c2a4e8b3d4e5f9a7b1c2d3e4f5a6b:payload" },
        // ClarificationService.Context, OfficialSealing.Context: already {kind}:{id}:{field}.
        { SealingContext.Clarification(Id, "answer").Text, "clarifications:6f1c2a4e8b3d4e5f9a7b1c2d3e4f5a6b:answer" },
        { SealingContext.Official(User, "contact").Text, "officials:4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8:contact" },
        // DatabaseTicketStore.Context, ProtectedUserStore.SealContext.
        { SealingContext.Session("k3y").Text, "sessions.ticket:k3y" },
        { SealingContext.Authenticator(User).Text, "AspNetUserTokens.AuthenticatorKey:4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8" },
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Each_kind_keeps_the_context_its_stored_values_were_sealed_under(string actual, string stored) =>
        Assert.Equal(stored, actual);

    [Fact]
    public void A_value_opens_only_under_its_own_kind_row_and_field()
    {
        var cipher = new FieldCipher(KeyRing.Generate());
        var (dek, _) = cipher.NewDataKey();
        var sealedAnswer = cipher.Encrypt(dek, "the answer", SealingContext.Clarification(Id, "answer"));

        Assert.Equal("the answer", cipher.Decrypt(dek, sealedAnswer, SealingContext.Clarification(Id, "answer")));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(dek, sealedAnswer, SealingContext.Demand(Id, "answer")));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(dek, sealedAnswer, SealingContext.Clarification(Guid.NewGuid(), "answer")));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(dek, sealedAnswer, SealingContext.Clarification(Id, "question")));
    }

    [Fact]
    public void A_context_needs_an_id_and_a_field() =>
        Assert.Throws<ArgumentException>(() => SealingContext.Official("", "contact"));
}
