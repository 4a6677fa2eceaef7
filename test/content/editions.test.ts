/*
 * Hand-written expectations for the three shipped editions of the MLOps roadmap 2024.
 *
 * The tables below were typed from the source texts in /work/shared/sources (the Medium
 * article of 2023-12-21 and the repository README at commits 80edc5c and 52a7b05), not
 * from the YAML files, so they check that content/ serves each edition as its source has it:
 * section order, titles with that edition's capitalisation, tool names in the order a step
 * names them, and every resource with its kind, title, authors, edition and URL (absent
 * where the edition gives none).
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'

type App = Awaited<ReturnType<typeof buildApp>>

interface StepNode {
  id: string
  number: string
  title: string
  summary: string
  parent: string | null
  order: number
  depth: number
  tools: string[]
  resources: string[]
  children: StepNode[]
}
interface Tool { id: string, name: string, category: string, homepage?: string, description: string, steps: string[], resources: string[] }
interface Resource {
  id: string
  kind: string
  title: string
  subtitle?: string
  authors: string[]
  edition?: string
  provider?: string
  url?: string
  description?: string
  tools: string[]
  steps: string[]
}
interface Snapshot {
  roadmap: { slug: string, title: string }
  version: { id: string, title: string, published: string, source: Record<string, unknown>, notes: string[], contentHash: string }
  steps: StepNode[]
  tools: Tool[]
  resources: Resource[]
}

interface ExpectedResource {
  kind: string
  title: string
  subtitle?: string
  authors: string[]
  edition?: string
  provider?: string
  url?: string
}
interface ExpectedStep {
  id: string
  number: string
  title: string
  tools: string[]
  resources: ExpectedResource[]
}

/** A resource as the edition prints it; `authors` defaults to none. */
const r = (kind: string, title: string, extra: Partial<ExpectedResource> = {}): ExpectedResource => ({ kind, title, authors: [], ...extra })

// ---------------------------------------------------------------------------------------------
// 2023-12-21: the Medium article (plain text, only five URLs survive)
// ---------------------------------------------------------------------------------------------
const ARTICLE: ExpectedStep[] = [
  { id: 'programming', number: '1', title: 'Programming', tools: ['Python'], resources: [] },
  {
    id: 'python-and-ides',
    number: '1.1',
    title: 'Python & IDEs',
    tools: ['Python'],
    resources: [
      r('tutorial', 'realpython.com', { url: 'https://realpython.com' }),
      r('book', 'Python Crash Course', { subtitle: 'A Hands-On, Project-Based Introduction to Programming', authors: ['Eric Matthes'], edition: '3rd Edition' }),
      r('practice', 'leetcode.com/problemset', { url: 'https://leetcode.com/problemset/' }),
      r('course', 'Learn Python 3'),
      r('skill-track', 'Python fundamentals'),
      r('skill-track', 'Python programming')
    ]
  },
  {
    id: 'bash-and-command-line-editors',
    number: '1.2',
    title: 'Bash basics & command line editors',
    tools: ['Bash', 'VIM'],
    resources: [
      r('book', 'The Linux Command Line', { authors: ['William E. Shotts'], edition: '2nd Edition' }),
      r('course', 'Bash mastery'),
      r('tutorial', 'VIM beginners guide'),
      r('tutorial', 'VIM adventures'),
      r('tutorial', 'VIM', { authors: ['Daniel Miessler'] })
    ]
  },
  { id: 'containerization-and-kubernetes', number: '2', title: 'Containerization and Kubernetes', tools: [], resources: [] },
  {
    id: 'docker',
    number: '2.1',
    title: 'Docker',
    tools: ['Docker'],
    resources: [
      r('roadmap', 'roadmap.sh/docker', { url: 'https://roadmap.sh/docker' }),
      r('tutorial', 'Full docker tutorial', { authors: ['Techworld by Nana'] })
    ]
  },
  {
    id: 'kubernetes',
    number: '2.2',
    title: 'Kubernetes',
    tools: ['Kubernetes', 'K9s'],
    resources: [
      r('roadmap', 'roadmap.sh/kubernetes', { url: 'https://roadmap.sh/kubernetes' }),
      r('tutorial', 'Kubernetes course', { provider: 'freecodecamp.com' }),
      r('course', 'Kubernetes mastery')
    ]
  },
  {
    id: 'machine-learning-fundamentals',
    number: '3',
    title: 'Machine learning fundamentals',
    tools: [],
    resources: [
      r('book', 'Applied Machine Learning and AI for Engineers', { authors: ['Jeff Prosise'] })
    ]
  },
  {
    id: 'mlops-principles',
    number: '4',
    title: 'MLOps principles',
    tools: [],
    resources: [
      r('book', 'Designing Machine Learning Systems', { authors: ['Chip Huyen'] }),
      r('book', 'Introducing MLOps', { authors: ['Mark Treveil', 'Dataiku'] }),
      r('assessment', 'MLOps maturity assessment'),
      r('website', 'ml-ops.org')
    ]
  },
  {
    id: 'mlops-components',
    number: '5',
    title: 'MLOps components',
    tools: [],
    resources: [
      r('article', 'Minimum set of must-haves for MLOps'),
      r('book', 'ML Engineering with Python', { authors: ['Andy McMahon'] })
    ]
  },
  {
    id: 'version-control-and-ci-cd-pipelines',
    number: '5.1',
    title: 'Version control & CI/CD pipelines',
    tools: ['Git', 'GitLab', 'GitHub', 'GitHub Actions', 'Pre-commit hooks'],
    resources: [
      r('book', 'Learning GitHub Actions', { authors: ['Brent Laster'] }),
      r('book', 'Learning Git', { authors: ['Anna Skoulikari'] }),
      r('article', 'Welcome to pre-commit heaven')
    ]
  },
  {
    id: 'orchestration',
    number: '5.2',
    title: 'Orchestration',
    tools: ['Mage', 'Airflow', 'Kubeflow', 'Metaflow'],
    resources: [
      r('course', 'Introduction to Airflow in Python'),
      r('book', 'ML Engineering with Python', { authors: ['Andy McMahon'] }),
      r('course', 'The full stack 7-steps MLOps framework')
    ]
  },
  {
    id: 'experiment-tracking-and-model-registries',
    number: '5.3',
    title: 'Experiment tracking and model registries',
    tools: ['MLflow'],
    resources: [
      r('article', 'Find your way to MLflow without confusion'),
      r('course', 'MLflow Udemy course'),
      r('course', 'End-to-end machine learning (MLflow piece)')
    ]
  },
  {
    id: 'data-lineage-and-feature-stores',
    number: '5.4',
    title: 'Data lineage and feature stores',
    tools: ['Databricks', 'Feast', 'DVC'],
    resources: [
      r('tutorial', 'Creating a feature store with Feast part 1'),
      r('tutorial', 'Creating a feature store with Feast part 2'),
      r('tutorial', 'Creating a feature store with Feast part 3'),
      r('course', 'End-to-end machine learning (DVC piece)')
    ]
  },
  {
    id: 'model-training-and-serving',
    number: '5.5',
    title: 'Model training & serving',
    tools: ['AWS Sagemaker', 'Azure ML', 'Vertex AI', 'Kubernetes', 'Airflow', 'FastApi', 'Kubeflow', 'Kubeflow pipelines', 'KServe'],
    resources: [
      r('repository', 'ML deployment k8s FastAPI'),
      r('tutorial', 'How to build machine learning app with FastAPI'),
      r('tutorial', 'Basic kubeflow pipeline'),
      r('tutorial', 'Building and deploying machine learning pipelines'),
      r('tutorial', 'KServe tutorial')
    ]
  },
  {
    id: 'monitoring-and-observability',
    number: '5.6',
    title: 'Monitoring & observability',
    tools: ['Prometheus', 'Grafana', 'Evidently.ai', 'NannyML'],
    resources: [
      r('article', 'ML monitoring vs Observability'),
      r('course', 'Mastering Prometheus and Grafana'),
      r('course', 'Machine learning monitoring concepts'),
      r('course', 'Monitoring machine learning in Python')
    ]
  },
  {
    id: 'infrastructure-as-code-terraform',
    number: '6',
    title: 'Infrastructure as code: Terraform',
    tools: ['Terraform'],
    resources: [
      r('course', 'Terraform course for beginners'),
      r('video', '8 Terraform best practices', { authors: ['Techworld by Nana'] }),
      r('book', 'Terraform: Up and Running', { authors: ['Yevgeniy Brikman'], edition: '3rd Edition' })
    ]
  }
]

// ---------------------------------------------------------------------------------------------
// 2023-12-27: README.md at 80edc5c (first Markdown edition, few links)
// ---------------------------------------------------------------------------------------------
const README_FIRST: ExpectedStep[] = [
  { id: 'programming', number: '1', title: 'Programming', tools: ['Python'], resources: [] },
  {
    id: 'python-and-ides',
    number: '1.1',
    title: 'Python & IDEs',
    tools: ['Python'],
    resources: [
      r('book', 'Python Crash Course', { authors: ['Eric Matthes'], edition: '3rd Edition' }),
      r('practice', 'LeetCode Python Problems', { url: 'https://leetcode.com/problemset/' }),
      r('course', 'Learn Python 3'),
      r('skill-track', 'Python fundamentals'),
      r('skill-track', 'Python programming'),
      r('topic', 'Installing Python, using virtual environments'),
      r('topic', 'IDE usage'),
      r('topic', 'Python basics'),
      r('topic', 'Pytest'),
      r('topic', 'Packaging')
    ]
  },
  {
    id: 'bash-and-command-line-editors',
    number: '1.2',
    title: 'Bash Basics & Command Line Editors',
    tools: ['Bash', 'VIM'],
    resources: [
      r('book', 'The Linux Command Line', { authors: ['William E. Shotts'], edition: '2nd Edition' }),
      r('course', 'Bash mastery'),
      r('tutorial', 'VIM beginners guide')
    ]
  },
  { id: 'containerization-and-kubernetes', number: '2', title: 'Containerization and Kubernetes', tools: [], resources: [] },
  {
    id: 'docker',
    number: '2.1',
    title: 'Docker',
    tools: ['Docker'],
    resources: [
      r('roadmap', 'Roadmap.sh Docker', { url: 'https://roadmap.sh/docker' }),
      r('tutorial', 'Full docker tutorial', { authors: ['Techworld by Nana'] })
    ]
  },
  {
    id: 'kubernetes',
    number: '2.2',
    title: 'Kubernetes',
    tools: ['Kubernetes', 'K9s'],
    resources: [
      r('roadmap', 'Roadmap.sh Kubernetes', { url: 'https://roadmap.sh/kubernetes' }),
      r('tutorial', 'Kubernetes course', { provider: 'freecodecamp.com' }),
      r('course', 'Kubernetes mastery')
    ]
  },
  {
    id: 'machine-learning-fundamentals',
    number: '3',
    title: 'Machine Learning Fundamentals',
    tools: [],
    resources: [
      r('course', 'MLCourse.ai', { url: 'https://mlcourse.ai/' }),
      r('book', 'Applied Machine Learning and AI for Engineers', { authors: ['Jeff Prosise'] })
    ]
  },
  {
    id: 'mlops-principles',
    number: '4',
    title: 'MLOps Principles',
    tools: [],
    resources: [
      r('book', 'Designing Machine Learning Systems', { authors: ['Chip Huyen'] }),
      r('book', 'Introducing MLOps', { authors: ['Mark Treveil', 'Dataiku'] }),
      r('assessment', 'MLOps maturity assessment')
    ]
  },
  { id: 'mlops-components', number: '5', title: 'MLOps Components', tools: [], resources: [] },
  {
    id: 'version-control-and-ci-cd-pipelines',
    number: '5.1',
    title: 'Version Control & CI/CD Pipelines',
    tools: ['GitHub Actions', 'Git', 'GitHub', 'Pre-commit hooks'],
    resources: [
      r('book', 'Learning GitHub Actions', { authors: ['Brent Laster'] }),
      r('book', 'Learning Git', { authors: ['Anna Skoulikari'] }),
      r('tutorial', 'Git & GitHub for beginners'),
      r('course', 'Python to Production guide')
    ]
  },
  {
    id: 'orchestration',
    number: '5.2',
    title: 'Orchestration',
    tools: ['Airflow', 'Mage'],
    resources: [
      r('course', 'Introduction to Airflow in Python'),
      r('book', 'ML Engineering with Python'),
      r('course', 'The Full Stack 7-Steps MLOps Framework')
    ]
  },
  {
    id: 'experiment-tracking-and-model-registries',
    number: '5.3',
    title: 'Experiment Tracking and Model Registries',
    tools: ['MLflow'],
    resources: [
      r('course', 'MLflow Udemy course'),
      r('course', 'End-to-end machine learning (MLflow piece)')
    ]
  },
  {
    id: 'data-lineage-and-feature-stores',
    number: '5.4',
    title: 'Data Lineage and Feature Stores',
    tools: ['Feast', 'DVC'],
    resources: [
      r('tutorial', 'Creating a feature store with Feast Part 1'),
      r('tutorial', 'Creating a feature store with Feast Part 2'),
      r('tutorial', 'Creating a feature store with Feast Part 3'),
      r('course', 'End-to-end machine learning (DVC piece)')
    ]
  },
  {
    id: 'model-training-and-serving',
    number: '5.5',
    title: 'Model Training & Serving',
    tools: ['Kubernetes', 'FastAPI', 'Kubeflow', 'KServe'],
    resources: [
      r('tutorial', 'ML deployment with k8s FastAPI'),
      r('tutorial', 'Building an ML app with FastAPI'),
      r('tutorial', 'Basic Kubeflow pipeline'),
      r('tutorial', 'Building and deploying ML pipelines'),
      r('tutorial', 'KServe tutorial')
    ]
  },
  {
    id: 'monitoring-and-observability',
    number: '5.6',
    title: 'Monitoring & Observability',
    tools: ['Prometheus', 'Grafana'],
    resources: [
      r('course', 'Machine learning monitoring concepts'),
      r('course', 'Monitoring ML in Python')
    ]
  },
  {
    id: 'infrastructure-as-code-terraform',
    number: '6',
    title: 'Infrastructure as Code: Terraform',
    tools: ['Terraform'],
    resources: [
      r('course', 'Terraform course for beginners'),
      r('video', '8 Terraform best practices', { authors: ['Techworld by Nana'] }),
      r('book', 'Terraform: Up and Running', { authors: ['Yevgeniy Brikman'], edition: '3rd Edition' })
    ]
  }
]

// ---------------------------------------------------------------------------------------------
// 2024-01-12: README.md at 52a7b05 (latest, about fifty links, tracking parameters stripped)
// ---------------------------------------------------------------------------------------------
const E2E_URL = 'https://www.udemy.com/course/sustainable-and-scalable-machine-learning-project-development/'
const FULL_STACK_URL = 'https://www.pauliusztin.me/courses/the-full-stack-7-steps-mlops-framework'
const FASTAPI_K8S_TUTORIAL_URL = 'https://dev.to/bravinsimiyu/beginner-guide-on-how-to-build-a-machine-learning-app-with-fastapi-part-ii-deploying-the-fastapi-application-to-kubernetes-4j6g'

const README_LATEST: ExpectedStep[] = [
  { id: 'programming', number: '1', title: 'Programming', tools: ['Python'], resources: [] },
  {
    id: 'python-and-ides',
    number: '1.1',
    title: 'Python & IDEs',
    tools: ['Python'],
    resources: [
      r('tutorial', 'realpython.com', { url: 'https://realpython.com' }),
      r('book', 'Python Crash Course', { authors: ['Eric Matthes'], edition: '3rd Edition', url: 'https://www.amazon.com/stores/Eric-Matthes/author/B01DPU378I' }),
      r('practice', 'LeetCode Python Problems', { url: 'https://leetcode.com/problemset/' }),
      r('course', 'Learn Python 3', { url: 'https://www.codecademy.com/learn/learn-python-3' }),
      r('skill-track', 'Python fundamentals', { url: 'https://app.datacamp.com/learn/skill-tracks/python-fundamentals' }),
      r('skill-track', 'Python programming', { url: 'https://app.datacamp.com/learn/skill-tracks/python-programming' }),
      r('topic', 'Installing Python, using virtual environments', { url: 'https://marvelousmlops.substack.com/p/the-right-way-to-install-python-on' }),
      r('topic', 'IDE usage', { url: 'https://mlops.community/how-to-configure-vs-code-for-ai-ml-and-mlops-development-in-python-🛠%EF%B8%8F%EF%B8%8F/' }),
      r('topic', 'Python basics'),
      r('topic', 'Pytest', { url: 'https://app.datacamp.com/learn/skill-tracks/python-programming' }),
      r('topic', 'Packaging', { url: 'https://www.freecodecamp.org/news/how-to-build-and-publish-python-packages-with-poetry/' })
    ]
  },
  {
    id: 'bash-and-command-line-editors',
    number: '1.2',
    title: 'Bash Basics & Command Line Editors',
    tools: ['Bash', 'VIM'],
    resources: [
      r('book', 'The Linux Command Line', { authors: ['William E. Shotts'], edition: '2nd Edition' }),
      r('course', 'Bash mastery', { url: 'https://www.udemy.com/course/bash-mastery' }),
      r('tutorial', 'VIM beginners guide', { url: 'https://www.freecodecamp.org/news/vim-beginners-guide/' }),
      r('tutorial', 'VIM adventures', { url: 'https://vim-adventures.com/' }),
      r('tutorial', 'VIM', { authors: ['Daniel Miessler'], url: 'https://danielmiessler.com/p/vim/' })
    ]
  },
  { id: 'containerization-and-kubernetes', number: '2', title: 'Containerization and Kubernetes', tools: [], resources: [] },
  {
    id: 'docker',
    number: '2.1',
    title: 'Docker',
    tools: ['Docker'],
    resources: [
      r('roadmap', 'Roadmap.sh Docker', { url: 'https://roadmap.sh/docker' }),
      r('tutorial', 'Full docker tutorial', { authors: ['Techworld by Nana'], url: 'https://www.youtube.com/watch?v=3c-iBn73dDE' })
    ]
  },
  {
    id: 'kubernetes',
    number: '2.2',
    title: 'Kubernetes',
    tools: ['Kubernetes', 'K9s'],
    resources: [
      r('roadmap', 'Roadmap.sh Kubernetes', { url: 'https://roadmap.sh/kubernetes' }),
      r('tutorial', 'Kubernetes course', { provider: 'freecodecamp.com', url: 'https://www.youtube.com/watch?v=d6WC5n9G_sM' }),
      r('course', 'Kubernetes mastery', { url: 'https://www.udemy.com/course/kubernetesmastery/' })
    ]
  },
  {
    id: 'machine-learning-fundamentals',
    number: '3',
    title: 'Machine Learning Fundamentals',
    tools: [],
    resources: [
      r('course', 'MLCourse.ai', { url: 'https://mlcourse.ai/' }),
      r('course', 'Fast.ai', { url: 'https://course.fast.ai' }),
      r('book', 'Applied Machine Learning and AI for Engineers', { authors: ['Jeff Prosise'] })
    ]
  },
  {
    id: 'mlops-principles',
    number: '4',
    title: 'MLOps Principles',
    tools: [],
    resources: [
      r('book', 'Designing Machine Learning Systems', { authors: ['Chip Huyen'] }),
      r('book', 'Introducing MLOps', { authors: ['Mark Treveil', 'Dataiku'] }),
      r('assessment', 'MLOps maturity assessment', { url: 'https://marvelousmlops.substack.com/p/mlops-maturity-assessment' }),
      r('website', 'ml-ops.org', { url: 'https://ml-ops.org' })
    ]
  },
  {
    id: 'mlops-components',
    number: '5',
    title: 'MLOps Components',
    tools: [],
    resources: [
      r('article', 'The minimum set of must-haves for MLOps', { url: 'https://marvelousmlops.substack.com/p/the-minimum-set-of-must-haves-for' }),
      r('course', 'Made with ML MLOps Course', { url: 'https://madewithml.com/courses/mlops/' }),
      r('course', 'The Full Stack 7-Steps MLOps Framework', { url: FULL_STACK_URL }),
      r('course', 'End-to-end machine learning', { url: E2E_URL })
    ]
  },
  {
    id: 'version-control-and-ci-cd-pipelines',
    number: '5.1',
    title: 'Version Control & CI/CD Pipelines',
    tools: ['GitHub Actions', 'Git', 'GitHub', 'Pre-commit hooks'],
    resources: [
      r('book', 'Learning GitHub Actions', { authors: ['Brent Laster'] }),
      r('book', 'Learning Git', { authors: ['Anna Skoulikari'] }),
      r('tutorial', 'Git & GitHub for beginners', { url: 'https://www.youtube.com/watch?v=RGOj5yH7evk' }),
      r('course', 'Python to Production guide', { url: 'https://www.udemy.com/course/setting-up-the-linux-terminal-for-software-development/' }),
      r('course', 'Version Control Missing Semester', { url: 'https://missing.csail.mit.edu/2020/version-control/' }),
      r('tutorial', 'learngitbranching.js.org', { url: 'https://learngitbranching.js.org/' }),
      r('article', 'Pre-commit hooks', { url: 'https://marvelousmlops.substack.com/p/welcome-to-pre-commit-heaven' })
    ]
  },
  {
    id: 'orchestration',
    number: '5.2',
    title: 'Orchestration',
    tools: ['Airflow', 'Mage'],
    resources: [
      r('course', 'Introduction to Airflow in Python', { url: 'https://app.datacamp.com/learn/courses/introduction-to-airflow-in-python' }),
      r('book', 'ML Engineering with Python'),
      r('course', 'The Full Stack 7-Steps MLOps Framework', { url: FULL_STACK_URL })
    ]
  },
  {
    id: 'experiment-tracking-and-model-registries',
    number: '5.3',
    title: 'Experiment Tracking and Model Registries',
    tools: ['MLflow'],
    resources: [
      r('course', 'MLflow Udemy course', { url: 'https://www.udemy.com/course/mlflow-course/' }),
      r('course', 'End-to-end machine learning (MLflow piece)', { url: E2E_URL })
    ]
  },
  {
    id: 'data-lineage-and-feature-stores',
    number: '5.4',
    title: 'Data Lineage and Feature Stores',
    tools: ['Feast', 'DVC'],
    resources: [
      r('tutorial', 'Creating a feature store with Feast Part 1', { url: 'https://kedion.medium.com/creating-a-feature-store-with-feast-part-1-37c380223e2f' }),
      r('tutorial', 'Creating a feature store with Feast Part 2', { url: 'https://kedion.medium.com/feature-storage-for-ml-with-feast-part-2-34df1971a8d3' }),
      r('tutorial', 'Creating a feature store with Feast Part 3', { url: 'https://kedion.medium.com/feature-storage-for-ml-with-feast-a061899fc4a2' }),
      r('course', 'End-to-end machine learning (DVC piece)', { url: E2E_URL })
    ]
  },
  {
    id: 'model-training-and-serving',
    number: '5.5',
    title: 'Model Training & Serving',
    tools: ['Kubernetes', 'FastAPI', 'Kubeflow', 'KServe'],
    resources: [
      r('repository', 'ML Deployment k8s Fast API', { url: 'https://github.com/sayakpaul/ml-deployment-k8s-fastapi/tree/main' }),
      r('tutorial', 'ML deployment with k8s FastAPI', { url: FASTAPI_K8S_TUTORIAL_URL }),
      r('tutorial', 'Building an ML app with FastAPI', { url: FASTAPI_K8S_TUTORIAL_URL }),
      r('tutorial', 'Basic Kubeflow pipeline', { url: 'https://towardsdatascience.com/tutorial-basic-kubeflow-pipeline-from-scratch-5f0350dc1905' }),
      r('tutorial', 'Building and deploying ML pipelines', { url: 'https://www.datacamp.com/tutorial/kubeflow-tutorial-building-and-deploying-machine-learning-pipelines' }),
      r('tutorial', 'KServe tutorial', { url: 'https://towardsdatascience.com/kserve-highly-scalable-machine-learning-deployment-with-kubernetes-aa7af0b71202' })
    ]
  },
  {
    id: 'monitoring-and-observability',
    number: '5.6',
    title: 'Monitoring & Observability',
    tools: ['Prometheus', 'Grafana'],
    resources: [
      r('article', 'ML Monitoring vs Observability', { url: 'https://marvelousmlops.substack.com/p/ml-monitoring-vs-ml-observability' }),
      r('course', 'Machine learning monitoring concepts', { url: 'https://app.datacamp.com/learn/courses/machine-learning-monitoring-concepts' }),
      r('course', 'Monitoring ML in Python', { url: 'https://app.datacamp.com/learn/courses/monitoring-machine-learning-in-python' }),
      r('course', 'Prometheus, Grafana', { url: 'https://www.udemy.com/course/mastering-prometheus-and-grafana/' })
    ]
  },
  {
    id: 'infrastructure-as-code-terraform',
    number: '6',
    title: 'Infrastructure as Code: Terraform',
    tools: ['Terraform'],
    resources: [
      r('course', 'Terraform course for beginners', { url: 'https://www.youtube.com/watch?v=SLB_c_ayRMo' }),
      r('video', '8 Terraform best practices', { authors: ['Techworld by Nana'], url: 'https://www.youtube.com/watch?v=gxPykhPxRW0' }),
      r('book', 'Terraform: Up and Running', { authors: ['Yevgeniy Brikman'], edition: '3rd Edition' })
    ]
  }
]

interface EditionExpectation {
  id: string
  steps: ExpectedStep[]
  source: Record<string, unknown>
  /** Distinct tools and resources of the edition, counted by hand from the source. */
  toolCount: number
  resourceCount: number
}

const EDITIONS: EditionExpectation[] = [
  {
    id: '2023-12-21',
    steps: ARTICLE,
    source: { type: 'article', title: 'MLOps roadmap 2024', publisher: 'Marvelous MLOps (Medium)' },
    toolCount: 30,
    resourceCount: 47
  },
  {
    id: '2023-12-27',
    steps: README_FIRST,
    source: {
      type: 'repository',
      title: 'MLOps Roadmap 2024',
      url: 'https://github.com/marvelousmlops/mlops-roadmap-2024/blob/80edc5c/README.md',
      repository: 'marvelousmlops/mlops-roadmap-2024',
      commit: '80edc5c',
      path: 'README.md'
    },
    toolCount: 21,
    resourceCount: 46
  },
  {
    id: '2024-01-12',
    steps: README_LATEST,
    source: {
      type: 'repository',
      title: 'MLOps Roadmap 2024',
      url: 'https://github.com/marvelousmlops/mlops-roadmap-2024/blob/52a7b05/README.md',
      repository: 'marvelousmlops/mlops-roadmap-2024',
      commit: '52a7b05',
      path: 'README.md'
    },
    toolCount: 21,
    resourceCount: 60
  }
]

/** The step tree in reading order. */
function flatten (nodes: StepNode[]): StepNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)])
}

/** Only the fields the tables describe; absent optional fields stay absent. */
function projectResource (resource: Resource): ExpectedResource {
  const projected: ExpectedResource = { kind: resource.kind, title: resource.title, authors: resource.authors }
  if (resource.subtitle !== undefined) projected.subtitle = resource.subtitle
  if (resource.edition !== undefined) projected.edition = resource.edition
  if (resource.provider !== undefined) projected.provider = resource.provider
  if (resource.url !== undefined) projected.url = resource.url
  return projected
}

const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url))

let app: App
const snapshots = new Map<string, Snapshot>()

async function getJson<T> (url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url })
  expect(res.statusCode, `GET ${url}: ${res.body.slice(0, 500)}`).toBe(200)
  return res.json<T>()
}

beforeAll(async () => {
  app = await buildApp({ contentDir: CONTENT_DIR, logLevel: 'silent' })
  await app.ready()
  for (const edition of EDITIONS) {
    snapshots.set(edition.id, await getJson<Snapshot>(`/v1/roadmaps/mlops/versions/${edition.id}`))
  }
})

afterAll(async () => {
  await app?.close()
})

const snapshot = (id: string): Snapshot => {
  const found = snapshots.get(id)
  if (found === undefined) throw new Error(`snapshot ${id} was not loaded`)
  return found
}

describe.each(EDITIONS)('MLOps roadmap 2024, edition $id', (edition) => {
  it('is the right edition of the right roadmap', () => {
    const { roadmap, version } = snapshot(edition.id)
    expect(roadmap.slug).toBe('mlops')
    expect(roadmap.title).toBe('MLOps roadmap 2024')
    expect(version.id).toBe(edition.id)
    expect(version.published).toBe(edition.id)
    expect(version.source).toEqual(edition.source)
    expect(version.notes.length).toBeGreaterThan(0)
    expect(version.contentHash).toMatch(/\S/)
  })

  it('serves every section and sub-section in the source order, with its titles', () => {
    const steps = flatten(snapshot(edition.id).steps)
    expect(steps.map((step) => ({ id: step.id, number: step.number, title: step.title })))
      .toEqual(edition.steps.map(({ id, number, title }) => ({ id, number, title })))
  })

  it('places each step in the tree as its number says', () => {
    const { steps: tree } = snapshot(edition.id)
    expect(tree.map((step) => step.number)).toEqual(['1', '2', '3', '4', '5', '6'])
    const byNumber = new Map(flatten(tree).map((step) => [step.number, step]))
    for (const step of flatten(tree)) {
      const parts = step.number.split('.')
      expect(step.depth, step.id).toBe(parts.length)
      expect(step.order, step.id).toBe(Number(parts.at(-1)))
      const parentNumber = parts.slice(0, -1).join('.')
      expect(step.parent, step.id).toBe(parentNumber === '' ? null : byNumber.get(parentNumber)!.id)
      expect(step.summary.trim().length, step.id).toBeGreaterThan(0)
    }
  })

  it.each(edition.steps.map((step) => [step.number, step] as const))('step %s names its tools in the source order', (_number, expected) => {
    const { steps, tools } = snapshot(edition.id)
    const toolsById = new Map(tools.map((tool) => [tool.id, tool]))
    const step = flatten(steps).find((candidate) => candidate.id === expected.id)
    expect(step).toBeDefined()
    expect(step!.tools.map((id) => toolsById.get(id)?.name ?? `<unknown tool ${id}>`)).toEqual(expected.tools)
  })

  it.each(edition.steps.map((step) => [step.number, step] as const))('step %s recommends its resources as the source lists them', (_number, expected) => {
    const { steps, resources } = snapshot(edition.id)
    const resourcesById = new Map(resources.map((resource) => [resource.id, resource]))
    const step = flatten(steps).find((candidate) => candidate.id === expected.id)
    expect(step).toBeDefined()
    const actual = step!.resources.map((id) => {
      const resource = resourcesById.get(id)
      if (resource === undefined) throw new Error(`step ${expected.id} refers to unknown resource ${id}`)
      return projectResource(resource)
    })
    expect(actual).toEqual(expected.resources)
    // No URL where the edition gives none: not even an empty or null one.
    for (const [index, resource] of step!.resources.entries()) {
      if (expected.resources[index]?.url === undefined) expect(Object.hasOwn(resourcesById.get(resource)!, 'url'), resource).toBe(false)
    }
  })

  it('lists exactly the tools and resources its steps refer to', () => {
    const { steps, tools, resources } = snapshot(edition.id)
    const all = flatten(steps)
    const toolIds = new Set(all.flatMap((step) => step.tools))
    const resourceIds = new Set(all.flatMap((step) => step.resources))
    expect(new Set(tools.map((tool) => tool.id))).toEqual(toolIds)
    expect(new Set(resources.map((resource) => resource.id))).toEqual(resourceIds)
    expect(tools).toHaveLength(edition.toolCount)
    expect(resources).toHaveLength(edition.resourceCount)
    expect(new Set(tools.map((tool) => tool.name))).toEqual(new Set(edition.steps.flatMap((step) => step.tools)))
    for (const tool of tools) {
      expect(tool.steps, tool.id).toEqual(all.filter((step) => step.tools.includes(tool.id)).map((step) => step.id))
    }
    for (const resource of resources) {
      expect(resource.steps, resource.id).toEqual(all.filter((step) => step.resources.includes(resource.id)).map((step) => step.id))
    }
  })

  it('stores no tracking parameters in any URL', () => {
    const { tools, resources } = snapshot(edition.id)
    const urls = [...tools.map((tool) => tool.homepage), ...resources.map((resource) => resource.url)].filter((url): url is string => url !== undefined)
    for (const url of urls) {
      expect(url, url).not.toMatch(/[?&](utm_[a-z]+|gclid|gad_source|ref|store_ref)=/)
    }
  })
})

describe('MLOps roadmap 2024 across editions', () => {
  it('keeps the same step ids in the same order in every edition', () => {
    const [first, ...rest] = EDITIONS.map((edition) => flatten(snapshot(edition.id).steps).map((step) => step.id))
    expect(first).toHaveLength(16)
    for (const ids of rest) expect(ids).toEqual(first)
  })

  it('resolves latest to the 2024-01-12 edition', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/roadmaps/mlops/versions/latest' })
    let body: Snapshot
    if (res.statusCode >= 300 && res.statusCode < 400) {
      expect(String(res.headers.location)).toMatch(/\/v1\/roadmaps\/mlops\/versions\/2024-01-12$/)
      body = await getJson<Snapshot>(String(res.headers.location))
    } else {
      expect(res.statusCode).toBe(200)
      body = res.json<Snapshot>()
    }
    expect(body.version.id).toBe('2024-01-12')
    expect(body.version.contentHash).toBe(snapshot('2024-01-12').version.contentHash)
    const roadmap = await getJson<{ latestVersion: string, versions: Array<{ id: string }> }>('/v1/roadmaps/mlops')
    expect(roadmap.latestVersion).toBe('2024-01-12')
    expect(roadmap.versions.map((version) => version.id)).toEqual(['2023-12-21', '2023-12-27', '2024-01-12'])
  })

  const toolNames = (id: string) => snapshot(id).tools.map((tool) => tool.name)
  const resourceTitles = (id: string) => snapshot(id).resources.map((resource) => resource.title)
  const resource = (edition: string, id: string) => snapshot(edition).resources.find((candidate) => candidate.id === id)

  it('names GitLab, Metaflow, Databricks, the cloud ML platforms, Evidently.ai and NannyML only in the article', () => {
    for (const name of ['GitLab', 'Metaflow', 'Databricks', 'AWS Sagemaker', 'Azure ML', 'Vertex AI', 'Kubeflow pipelines', 'Evidently.ai', 'NannyML']) {
      expect(toolNames('2023-12-21')).toContain(name)
      expect(toolNames('2023-12-27')).not.toContain(name)
      expect(toolNames('2024-01-12')).not.toContain(name)
    }
  })

  it('prints FastApi in the article and FastAPI in the READMEs, under one tool id', () => {
    expect(snapshot('2023-12-21').tools.find((tool) => tool.id === 'fastapi')?.name).toBe('FastApi')
    expect(snapshot('2023-12-27').tools.find((tool) => tool.id === 'fastapi')?.name).toBe('FastAPI')
    expect(snapshot('2024-01-12').tools.find((tool) => tool.id === 'fastapi')?.name).toBe('FastAPI')
  })

  it('adds Fast.ai, Made with ML and the whole End-to-end course only in 2024-01-12', () => {
    for (const title of ['Fast.ai', 'Made with ML MLOps Course', 'End-to-end machine learning', 'Version Control Missing Semester', 'learngitbranching.js.org']) {
      expect(resourceTitles('2023-12-21')).not.toContain(title)
      expect(resourceTitles('2023-12-27')).not.toContain(title)
      expect(resourceTitles('2024-01-12')).toContain(title)
    }
  })

  it('keeps the ids of resources that appear in several editions', () => {
    for (const edition of ['2023-12-21', '2023-12-27', '2024-01-12']) {
      expect(resource(edition, 'python-crash-course')?.title).toBe('Python Crash Course')
      expect(resource(edition, 'ml-engineering-with-python')?.title).toBe('ML Engineering with Python')
      expect(resource(edition, 'build-ml-app-with-fastapi')).toBeDefined()
      expect(resource(edition, 'creating-a-feature-store-with-feast-part-3')).toBeDefined()
    }
    // The article's repository comes back in 2024-01-12; the README tutorial of a similar name is a different resource.
    expect(resource('2023-12-21', 'ml-deployment-k8s-fastapi')?.kind).toBe('repository')
    expect(resource('2023-12-27', 'ml-deployment-k8s-fastapi')).toBeUndefined()
    expect(resource('2024-01-12', 'ml-deployment-k8s-fastapi')?.kind).toBe('repository')
    expect(resource('2023-12-21', 'ml-deployment-with-k8s-fastapi')).toBeUndefined()
    expect(resource('2024-01-12', 'ml-deployment-with-k8s-fastapi')?.kind).toBe('tutorial')
  })

  it('names the author of ML Engineering with Python only where the source does', () => {
    expect(resource('2023-12-21', 'ml-engineering-with-python')?.authors).toEqual(['Andy McMahon'])
    expect(resource('2023-12-21', 'ml-engineering-with-python')?.steps).toEqual(['mlops-components', 'orchestration'])
    expect(resource('2023-12-27', 'ml-engineering-with-python')?.authors).toEqual([])
    expect(resource('2024-01-12', 'ml-engineering-with-python')?.authors).toEqual([])
  })

  it('gives the article only the five URLs that survived in its text', () => {
    const urls = snapshot('2023-12-21').resources.flatMap((entry) => entry.url === undefined ? [] : [entry.url])
    expect(urls).toEqual(['https://realpython.com', 'https://leetcode.com/problemset/', 'https://roadmap.sh/docker', 'https://roadmap.sh/kubernetes'])
    expect(snapshot('2023-12-21').tools.find((tool) => tool.id === 'k9s')?.homepage).toBe('https://k9scli.io')
  })

  it('stores the Amazon author-store link and the DataCamp Kubeflow tutorial without their query strings', () => {
    expect(resource('2024-01-12', 'python-crash-course')?.url).toBe('https://www.amazon.com/stores/Eric-Matthes/author/B01DPU378I')
    expect(resource('2024-01-12', 'building-and-deploying-ml-pipelines')?.url)
      .toBe('https://www.datacamp.com/tutorial/kubeflow-tutorial-building-and-deploying-machine-learning-pipelines')
  })
})
