// The application layer's shared vocabulary, used by nearly every endpoint and page of the host.
global using RightsDesk.Application.Common;
global using RightsDesk.Application.Demands;
global using RightsDesk.Application.Policy;
global using RightsDesk.Core.Cases;
