using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Portal;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Portal;

/// <summary>What a person types on the registration form. Every field is checked, and all refusals come back together.</summary>
public sealed record RegistrationInput(string? Name, string? Title, string? AuthorityName, string? AuthorityType, string? Country, string? Email, string? Phone);

/// <summary>The portal cannot make links that are safe to e-mail (no RightsDesk:PublicUrl); registration waits for the operator.</summary>
public sealed class PortalClosedException() : Exception("Registration is closed until the operator sets RightsDesk:PublicUrl, the public address.");

/// <summary>Too many registrations for this address or this e-mail domain lately; nothing was sent.</summary>
public sealed class RegistrationThrottledException(bool perDomain, TimeSpan window) : Exception("Too many registrations.")
{
    public bool PerDomain { get; } = perDomain;
    public TimeSpan Window { get; } = window;
}

/// <summary>
/// Self-registration of officials. The enrolment link goes only to the address registered, through the durable
/// outbox, so finishing enrolment proves control of an official mailbox. That alone gives no right to submit: the
/// profile stays pending until staff verify the person by calling the authority back.
/// The page answers the same whether or not the address already has an account, so the form cannot be used to
/// find out who is registered; the mailbox's owner is told instead.
/// </summary>
public sealed class OfficialRegistration(
    RightsDeskDbContext db,
    UserManager<DeskUser> users,
    FieldCipher cipher,
    IOutbox outbox,
    LedgerWriter ledger,
    OfficialDomainPolicy domains,
    PublicUrl links,
    PlatformName platform,
    PortalOptions options,
    TimeProvider clock)
{
    public const int MaxName = 200;
    public const int MaxPhone = 40;

    // One registration at a time in this process: the e-mail's uniqueness is checked before insert, and Identity's
    // e-mail index is not unique, so two racing registrations of one address must not both pass the check.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task RegisterAsync(RegistrationInput input, HttpRequest? request, CancellationToken ct)
    {
        var (contact, authority, type, country, email) = Validate(input);
        var baseUrl = links.For(request) ?? throw new PortalClosedException();

        await Gate.WaitAsync(ct);
        try
        {
            await ThrottleAsync(email, ct);
            var existing = await users.FindByEmailAsync(email);
            if (existing is not null)
            {
                await AnswerExistingAsync(existing, baseUrl, ct);
                return;
            }

            var now = clock.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            // The user name is what the ledger and the desk show as the actor: a pseudonym, never the officer's contact.
            var userName = "official-" + id.ToString("N");
            var secret = NewSecret();
            var user = new DeskUser
            {
                Id = id.ToString(),
                UserName = userName, NormalizedUserName = users.NormalizeName(userName),
                Email = email, NormalizedEmail = users.NormalizeEmail(email), EmailConfirmed = false,
                SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)), ConcurrencyStamp = Guid.CreateVersion7(now).ToString(),
                LockoutEnabled = true, Kind = AccountKind.Official, DisplayName = Truncate(authority, MaxName),
                CreatedAt = now, CreatedBy = "self-registration",
                EnrolmentHash = AccountService.Hash(secret), EnrolmentExpiresAt = now + AccountService.EnrolmentLifetime,
            };
            var roleName = users.NormalizeName(Roles.Official);
            var roleId = await db.Roles.Where(r => r.NormalizedName == roleName).Select(r => r.Id).SingleAsync(ct);
            var (dek, wrapped) = cipher.NewDataKey();
            var domain = email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
            var profile = new OfficialProfile
            {
                UserId = user.Id, AuthorityName = authority, AuthorityType = type, Country = country, EmailDomain = domain,
                RegisteredAt = now, Verification = OfficialVerification.Pending, Flag = RequesterFlag.None, WrappedKey = wrapped,
            };
            profile.SealedContact = OfficialSealing.SealContact(cipher, dek, user.Id, contact);

            // The account, its role, the profile, the e-mail and the ledger event are saved in one transaction.
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            db.Officials.Add(profile);
            await EnqueueAsync(EnrolmentKey(user), user.Id, email, EnrolmentMail(baseUrl, secret), ct);
            ledger.Record(new OfficialRegistered(country, type, domain), LedgerWriter.AnonymousActor, user.Id);
            await ledger.SaveAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// The address has an account. If enrolment was never finished, a fresh link goes to the mailbox (the old one stops
    /// working); otherwise the mailbox is told an account exists. The details typed this time are not used.
    /// </summary>
    private async Task AnswerExistingAsync(DeskUser existing, string baseUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (existing.Kind == AccountKind.Official && existing.EnrolledAt is null && !existing.Disabled)
        {
            var secret = NewSecret();
            existing.EnrolmentHash = AccountService.Hash(secret);
            existing.EnrolmentExpiresAt = now + AccountService.EnrolmentLifetime;
            await EnqueueAsync(EnrolmentKey(existing), existing.Id, existing.Email!, EnrolmentMail(baseUrl, secret), ct);
            ledger.Record(new EnrolmentReset(Via: "portalRegistration"), LedgerWriter.AnonymousActor, existing.Id);
        }
        else
        {
            await EnqueueAsync($"portal-account-exists:{existing.Id}:{now.UtcDateTime:yyyy-MM-dd}", existing.Id, existing.Email!, new EmailPayload(existing.Email!, $"{platform.Value}: you already have an account",
                $"""
                Someone asked to register this address for the {platform.Value} authority portal, but it already has an account.

                If that was you, sign in at {baseUrl}/account/signin with your password and authenticator code. If you have lost either, ask the platform's legal team to start your enrolment again.

                If it was not you, nothing has changed; you can ignore this message.
                """), ct);
        }

        await ledger.SaveAsync(ct);
    }

    /// <summary>
    /// Nothing the registrant typed goes into the mail, not even the authority's name: the form is open to anyone, and
    /// text of theirs in a mail sent from the platform's own address would be a phishing message the platform signed.
    /// </summary>
    private EmailPayload EnrolmentMail(string baseUrl, string secret)
    {
        var name = platform.Value;
        return new EmailPayload("", $"{name}: finish registering for the authority portal",
            $"""
            This address was registered for the {name} authority portal, where officials of public authorities send legal demands to {name}.

            To finish, open this link within {AccountService.EnrolmentLifetime.TotalHours:0} hours, choose a password and connect an authenticator app:

            {baseUrl}/account/enrol?token={secret}

            The link works once. Opening it shows that you control this mailbox; it does not yet let you submit demands.
            Before your account can submit, {name}'s staff verify you: they call your authority back on a number they find themselves (not one you gave), and ask for you there.

            If you did not register, ignore this message: nothing happens without the link.
            """);
    }

    /// <summary>
    /// Limits registrations per address and per e-mail domain over the window, across every node (the attempts are
    /// rows, the address only as its keyed index). Refused attempts are not counted, so waiting always helps.
    /// </summary>
    private async Task ThrottleAsync(string email, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - options.RegistrationWindow;
        var domain = email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var key = cipher.BlindIndex("portal-registration", email.ToLowerInvariant());
        await db.RegistrationAttempts.Where(a => a.At < since).ExecuteDeleteAsync(ct);
        if (await db.RegistrationAttempts.CountAsync(a => a.AddressKey == key && a.At >= since, ct) >= options.RegistrationsPerAddress)
        {
            throw new RegistrationThrottledException(false, options.RegistrationWindow);
        }

        if (await db.RegistrationAttempts.CountAsync(a => a.Domain == domain && a.At >= since, ct) >= options.RegistrationsPerDomain)
        {
            throw new RegistrationThrottledException(true, options.RegistrationWindow);
        }

        db.RegistrationAttempts.Add(new RegistrationAttempt { Id = Guid.CreateVersion7(now), AddressKey = key, Domain = domain, At = now });
    }

    /// <summary>Keys name the business event: this enrolment link of this account, or "this mailbox was told today that
    /// it has an account" (so repeated registrations of one address cannot flood its owner with mail).</summary>
    private async Task EnqueueAsync(string key, string accountId, string to, EmailPayload mail, CancellationToken ct) =>
        await outbox.EnqueueAsync(OutboxMessage.Email(OutboxTopics.PortalMail, key, mail with { To = to }) with { SubjectId = accountId }, ct);

    /// <summary>A link is known by its hash, which only the holder of the link's secret could have computed.</summary>
    private static string EnrolmentKey(DeskUser user) => $"portal-enrolment:{user.Id}:{Convert.ToHexStringLower(user.EnrolmentHash!, 0, 8)}";

    private (OfficialContact Contact, string Authority, AuthorityType Type, string Country, string Email) Validate(RegistrationInput input)
    {
        // Errors are named by the registration form's JSON paths, so each lands beside its field.
        var errors = new List<FieldError>();
        var name = Text(input.Name, "name", MaxName, errors, "your full name");
        var title = Text(input.Title, "title", MaxName, errors, "your rank or job title");
        var authority = Text(input.AuthorityName, "authorityName", DemandReader.MaxShortText, errors, "the name of your authority");
        var phone = Text(input.Phone, "phone", MaxPhone, errors, "a phone number");
        if (phone.Length > 0 && (phone.Count(char.IsAsciiDigit) < 6 || phone.Any(ch => !(char.IsAsciiDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')' or '.'))))
        {
            errors.Add(new FieldError("phone", "Give a phone number in digits, with the country code, for example +1 973 555 0100."));
        }

        var type = AuthorityType.Other;
        if (string.IsNullOrWhiteSpace(input.AuthorityType) || !JsonNames.TryParse(input.AuthorityType, out type))
        {
            errors.Add(new FieldError("authorityType", "Choose the kind of authority."));
        }

        var country = "";
        if (!CountryCode.TryParse(input.Country?.Trim(), out var code))
        {
            errors.Add(new FieldError("country", "Choose your authority's country from the list."));
        }
        else
        {
            country = code.Value;
        }

        var email = "";
        try
        {
            email = AccountService.NormaliseEmail(input.Email ?? "");
        }
        catch (AccountException)
        {
            errors.Add(new FieldError("email", "Give the official e-mail address your authority issued to you."));
        }

        if (email.Length > 0 && country.Length > 0 && domains.Refusal(email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..], country) is { } refusal)
        {
            errors.Add(new FieldError("email", refusal));
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : (new OfficialContact(name, title, phone), authority, type, country, email);
    }

    private static string Text(string? value, string field, int max, List<FieldError> errors, string what)
    {
        var s = (value ?? "").Trim();
        if (s.Length == 0)
        {
            errors.Add(new FieldError(field, $"Give {what}."));
        }
        else if (s.Length > max)
        {
            errors.Add(new FieldError(field, $"At most {max} characters."));
        }
        else if (s.Any(char.IsControl))
        {
            errors.Add(new FieldError(field, "Contains control characters."));
        }

        return s;
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
