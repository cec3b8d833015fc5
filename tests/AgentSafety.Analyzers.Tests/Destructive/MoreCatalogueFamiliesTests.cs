using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.UnguardedDestructiveCallAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>Kubernetes' four call shapes for workloads and collections, Key Vault certificate purge and Service Bus entity deletes, on the real SDKs.</summary>
public class MoreCatalogueFamiliesTests
{
    [Fact]
    public Task Kubernetes_workload_deletes_are_reported_in_every_call_shape() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using k8s;
        using k8s.Models;
        class C
        {
            async Task M(IKubernetes kube, GenericClient generic)
            {
                {|#0:kube.AppsV1.DeleteNamespacedStatefulSet("postgres", "prod")|};
                await {|#1:kube.AppsV1.DeleteNamespacedDeploymentAsync("api", "prod")|};
                await {|#2:kube.AppsV1.DeleteNamespacedStatefulSetWithHttpMessagesAsync("postgres", "prod")|};
                await {|#3:kube.AppsV1.DeleteCollectionNamespacedDeploymentAsync("prod")|};
                await {|#4:kube.CoreV1.DeleteCollectionNamespacedPersistentVolumeClaimWithHttpMessagesAsync("prod")|};
                await {|#5:generic.DeleteNamespacedAsync<V1StatefulSet>("prod", "postgres")|};
                await kube.AppsV1.ListNamespacedDeploymentAsync("prod");
                await kube.AppsV1.ReadNamespacedStatefulSetAsync("postgres", "prod");
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("AppsV1OperationsExtensions.DeleteNamespacedStatefulSet", "deletes a Kubernetes stateful set"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("AppsV1OperationsExtensions.DeleteNamespacedDeploymentAsync", "deletes a Kubernetes deployment"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("IAppsV1Operations.DeleteNamespacedStatefulSetWithHttpMessagesAsync", "deletes a Kubernetes stateful set"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("AppsV1OperationsExtensions.DeleteCollectionNamespacedDeploymentAsync", "deletes every Kubernetes deployment of a namespace"),
        Verify.Diagnostic("ASA201").WithLocation(4).WithArguments("ICoreV1Operations.DeleteCollectionNamespacedPersistentVolumeClaimWithHttpMessagesAsync", "deletes every persistent volume claim of a namespace"),
        Verify.Diagnostic("ASA201").WithLocation(5).WithArguments("GenericClient.DeleteNamespacedAsync", "deletes a Kubernetes object"));

    [Fact]
    public Task Key_vault_certificate_purge_and_service_bus_entity_deletes_are_reported() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Azure.Messaging.ServiceBus.Administration;
        using Azure.Security.KeyVault.Certificates;
        class C
        {
            async Task M(CertificateClient certificates, ServiceBusAdministrationClient admin)
            {
                await {|#0:certificates.PurgeDeletedCertificateAsync("tls")|};
                await certificates.GetCertificateAsync("tls");
                await {|#1:admin.DeleteQueueAsync("orders")|};
                await {|#2:admin.DeleteTopicAsync("events")|};
                await admin.GetQueueAsync("orders");
                await admin.CreateQueueAsync("orders-v2");
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("CertificateClient.PurgeDeletedCertificateAsync", "permanently purges a deleted Key Vault certificate"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("ServiceBusAdministrationClient.DeleteQueueAsync", "deletes a Service Bus queue and every message in it"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("ServiceBusAdministrationClient.DeleteTopicAsync", "deletes a Service Bus topic, its subscriptions and their messages"));
}
