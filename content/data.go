package content

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// loadData reads data/NAME.yaml (or .yml) and data/NAME.csv for the
// templates. A CSV file becomes a list of rows, each a map from the
// header row's names to the cells.
func loadData(fsys fs.FS, limit int64, faults *faultList) map[string]any {
	data := map[string]any{}
	entries, err := fs.ReadDir(fsys, "data")
	if errors.Is(err, fs.ErrNotExist) {
		return data
	} else if err != nil {
		faults.errorf("data", 0, 0, "cannot read the folder: %v", err)
		return data
	}
	for _, e := range entries {
		file := "data/" + e.Name()
		ext := path.Ext(e.Name())
		name := strings.TrimSuffix(e.Name(), ext)
		if e.IsDir() || Ignored(e.Name()) || (ext != ".yaml" && ext != ".yml" && ext != ".csv") {
			continue
		}
		if info, err := e.Info(); err == nil && info.Size() > limit {
			faults.errorf(file, 0, 0, "file is %s, over the limit of %s", size(info.Size()), size(limit))
			continue
		}
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			faults.errorf(file, 0, 0, "cannot read: %v", err)
			continue
		}
		if v, ok := parseData(file, ext, src, faults); ok {
			data[name] = v
		}
	}
	return data
}

func parseData(file, ext string, src []byte, faults *faultList) (any, bool) {
	if ext == ".csv" {
		return parseCSV(file, src, faults)
	}
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		for _, f := range yamlFaults(file, 0, err) {
			faults.add(f)
		}
		return nil, false
	}
	return v, true
}

func parseCSV(file string, src []byte, faults *faultList) (any, bool) {
	r := csv.NewReader(strings.NewReader(string(trimBOM(src))))
	records, err := r.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			faults.errorf(file, pe.Line, pe.Column, "CSV: %v", pe.Err)
		} else {
			faults.errorf(file, 0, 0, "CSV: %v", err)
		}
		return nil, false
	}
	if len(records) == 0 {
		return []map[string]string{}, true
	}
	header := records[0]
	rows := make([]map[string]string, 0, len(records)-1)
	for _, rec := range records[1:] {
		row := make(map[string]string, len(header))
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows, true
}
