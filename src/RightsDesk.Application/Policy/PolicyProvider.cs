using RightsDesk.Core.Policy;
using RightsDesk.Data.Policy;

namespace RightsDesk.Application.Policy;

/// <summary>The policy in force. Loaded at start-up; a broken policy stops the start with the file and reason named.</summary>
public sealed class PolicyProvider(string directory)
{
    private PolicySet _current = PolicyDirectory.Load(directory);

    public string Directory => directory;

    public PolicySet Current => _current;

    /// <summary>Reloads after an edit; the old version stays in force if the new one does not parse.</summary>
    public PolicySet Reload()
    {
        _current = PolicyDirectory.Load(directory);
        return _current;
    }
}
