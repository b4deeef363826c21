using Microsoft.AspNetCore.Identity;
using RightsDesk.Data.Accounts;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// ASVS 5.0 chapter 6: length over composition, no forced rotation, and a refusal of passwords that are known to be
/// common or breached. The offline check uses zxcvbn's lists (tens of thousands of leaked passwords, names
/// and words) and its guess estimate; it also refuses passwords built from the person's own email or name.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<DeskUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    /// <summary>zxcvbn score 3 = "safely unguessable: moderate protection from offline slow-hash scenario".</summary>
    private const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<DeskUser> manager, DeskUser user, string? password)
    {
        password ??= "";
        if (password.Length < MinimumLength)
        {
            return Fail("PasswordTooShort", $"Use at least {MinimumLength} characters; a few unrelated words make a good password.");
        }

        if (password.Length > MaximumLength)
        {
            return Fail("PasswordTooLong", $"Use at most {MaximumLength} characters.");
        }

        var personal = new[] { user.Email, user.DisplayName, user.Email?.Split('@')[0] }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!);
        if (Leaked.Value.Contains(password.Trim()))
        {
            return Fail("PasswordBreached", "This password appears in lists of leaked passwords; choose another.");
        }

        if (Zxcvbn.Zxcvbn.MatchPassword(password, personal).Score < MinimumScore)
        {
            return Fail("PasswordWeak", "It would be guessed too easily (names, words, dates and keyboard patterns are tried first); add more unrelated words.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    // The leaked-password list zxcvbn ships (about 30,000 entries), matched whole and without regard to case.
    private static readonly Lazy<HashSet<string>> Leaked = new(() =>
    {
        var assembly = typeof(Zxcvbn.Zxcvbn).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("passwords.lst", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim());
            }
        }

        return set;
    });

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
