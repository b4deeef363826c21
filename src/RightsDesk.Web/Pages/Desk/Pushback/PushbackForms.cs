using RightsDesk.Core;
using RightsDesk.Core.Pushback;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Pages.Desk.Impact;

namespace RightsDesk.Web.Pages.Desk.Pushback;

/// <summary>The push-back pages' form shapes (fields named by the reader's JSON paths) and their words.</summary>
public static class PushbackForms
{
    public static readonly FormShape Record = FormShape.Of(lists: ["offences", "demands"]);

    public static readonly FormShape Status = FormShape.Of();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => value switch
    {
        AdvocacyTarget.Gni => "the Global Network Initiative",
        AdvocacyTarget.JointPosition => "other platforms (a joint position)",
        PushbackKind.Refusal => "refusal of a legal order",
        _ => ImpactText.Of(value),
    };

    public static IEnumerable<(string Value, string Label)> Options<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (JsonNames.Of(v), Of(v)));
}
