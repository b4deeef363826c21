using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RightsDesk.Application.Outbox;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Integration.Tests.Kernel;

/// <summary>A database made before the one outbox upgrades with its pending mail intact and still readable.</summary>
public sealed class OutboxMigrationTests
{
    [Fact]
    public async Task A_pending_message_of_the_notice_outbox_moves_to_the_one_outbox_and_still_opens()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rightsdesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new DatabaseOptions { Engine = DatabaseEngine.Sqlite, ConnectionString = $"Data Source={Path.Combine(dir, "old.db")};Pooling=false" };
        var cipher = new FieldCipher(KeyRing.Generate());
        var id = Guid.NewGuid();
        const string payload = """{"to":"officer@police.example.gov","subject":"Finish registering","body":"Open the link"}""";

        await using (var old = DataServices.CreateContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync("20261123084856_AccountsPortalTreeHeads");
            // Sealed as the notice outbox sealed it: under "{id:N}:payload".
            var (dek, wrapped) = cipher.NewDataKey();
            var sealedPayload = cipher.Encrypt(dek, payload, SealingContext.Outbox(id));
            var now = (long)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero))!;
            await old.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO outbox (Id, NoticeId, Channel, IdempotencyKey, Status, Attempts, NextAttemptAt, CreatedAt, WrappedKey, SealedPayload)
                VALUES ({id.ToString().ToUpperInvariant()}, NULL, 'Email', {"portal-" + id.ToString("N")}, 'Pending', 1, {now}, {now}, {wrapped}, {sealedPayload})
                """);
        }

        await using (var db = DataServices.CreateContext(options))
        {
            await DataServices.MigrateAsync(db);
            var row = await db.Outbox.SingleAsync(m => m.Id == id);
            Assert.Equal(OutboxTopics.PortalMail, row.Topic);
            Assert.Equal(OutboxStatus.Pending, row.Status);
            Assert.Equal(1, row.Attempts);
            Assert.Equal("portal-" + id.ToString("N"), row.IdempotencyKey);
            Assert.Equal(payload, new Outbox(db, cipher, TimeProvider.System).Open(row));
        }

        Directory.Delete(dir, recursive: true);
    }
}
