using RightsDesk.Application.Policy;

namespace RightsDesk.Web.Portal;

/// <summary>
/// The name officials know the platform by, shown on every portal page and in every portal e-mail, so that the
/// sign-in cannot pass for a look-alike page that names nobody. Set as <c>RightsDesk:PlatformName</c>; unset, the
/// policy's operator name is used (the name the published guidelines carry).
/// </summary>
public sealed class PlatformName(IConfiguration config, PolicyProvider policies)
{
    public const string Setting = "RightsDesk:PlatformName";

    public string Value => config[Setting] is { Length: > 0 } set ? set.Trim() : policies.Current.Operator.Name;
}
