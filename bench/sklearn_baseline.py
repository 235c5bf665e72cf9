"""The scikit-learn baseline for bench/insights-quality.ts.

Reads one JSON file written by the TypeScript bench: {"texts": [...], "labels": [...], "tasks": [{"id", "train":
[row indices], "test": [row indices]}]}, so both sides train and test on exactly the same rows, and prints
{"results": [{"id", "predictions": [...], "trainSeconds", "predictSeconds"}]} as JSON on stdout. The TypeScript
side computes every metric, so both are scored by the same code.

Model: word 1-2-gram and char_wb 2-5-gram TF-IDF (sublinear tf, min_df 2 for chars) side by side, into a
class-balanced multinomial logistic regression with C=10.
"""

import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_pipeline


def make_model():
    features = FeatureUnion(
        [
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
        ]
    )
    # max_iter well above the default 100, which stops lbfgs before it converges on ~10^5 features.
    classifier = LogisticRegression(C=10, class_weight="balanced", max_iter=3000)
    return make_pipeline(features, classifier)


def run_task(texts, labels, task):
    train_x = [texts[i] for i in task["train"]]
    train_y = [labels[i] for i in task["train"]]
    test_x = [texts[i] for i in task["test"]]
    model = make_model()
    t0 = time.perf_counter()
    model.fit(train_x, train_y)
    t1 = time.perf_counter()
    predictions = model.predict(test_x).tolist()
    t2 = time.perf_counter()
    return {"id": task["id"], "predictions": predictions, "trainSeconds": t1 - t0, "predictSeconds": t2 - t1}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    results = [run_task(job["texts"], job["labels"], task) for task in job["tasks"]]
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
