using System.Collections.Concurrent;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Browser.Tests.Support;

/// <summary>
/// A person's authenticator app against the real clock. The server takes each code once, so a test that enrols, signs
/// in and steps up needs three different codes: this hands out the current step's code, or the next step's (which the
/// server accepts as one step of drift), and waits for the clock only when both are used.
/// </summary>
public static class Authenticator
{
    private static readonly ConcurrentDictionary<string, long> LastStep = new();

    public static string NextCode(string base32Secret)
    {
        while (true)
        {
            var current = TotpCodes.StepAt(TimeProvider.System.GetUtcNow());
            var step = Math.Max(current, LastStep.GetValueOrDefault(base32Secret, long.MinValue) + 1);
            if (step <= current + TotpCodes.Window)
            {
                LastStep[base32Secret] = step;
                return TotpCodes.Code(TotpCodes.DecodeBase32(base32Secret), step);
            }

            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }
}
