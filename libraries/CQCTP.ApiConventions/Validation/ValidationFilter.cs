using CQCTP.ApiConventions.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.ApiConventions.Validation;

/// <summary>Validates every request-type argument of an endpoint before its handler runs.</summary>
public static class ValidationFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        // Injected services (a DbContext…) are ours too, but they are not input: never walk them.
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters();
        var requests = parameters
            .Select((parameter, index) => (parameter, index))
            .Where(p => RequestValidator.IsRequestType(p.parameter.ParameterType)
                && services?.IsService(p.parameter.ParameterType) != true)
            .Select(p => p.index)
            .ToArray();
        // Route and query text (?search=…) is input too; it has no DataAnnotations, only the control-character rule.
        var texts = parameters
            .Select((parameter, index) => (parameter, index))
            .Where(p => p.parameter.ParameterType == typeof(string))
            .Select(p => (p.index, Field: JsonPaths.CamelCase(p.parameter.Name ?? "")))
            .ToArray();

        if (requests.Length == 0 && texts.Length == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
            foreach (var (index, field) in texts)
            {
                if (invocation.Arguments[index] is string text
                    && RequestValidator.ControlCharacterError(text, multiline: false) is { } error)
                {
                    errors[field] = [error];
                }
            }

            foreach (var index in requests)
            {
                foreach (var (field, fieldErrors) in RequestValidator.Validate(invocation.Arguments[index]))
                {
                    errors[field] = fieldErrors;
                }
            }

            return errors.Count > 0 ? ApiProblems.Validation(errors) : await next(invocation);
        };
    }
}
